package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.port.out.StoreHealth;

/**
 * Every use case of the product behind one inbound port: what adapters, the server and embedders
 * call. Implementations are thread-safe.
 */
public interface AuthEventFeedbackUseCases extends
        UpdateAuthEventFeedbackUseCase, AdminUpdateAuthEventFeedbackUseCase, AdminListUserAuthEventsUseCase,
        RecordAuthEventUseCase, CreateUserPoolUseCase, DescribeUserPoolUseCase, UpdateUserPoolUseCase,
        DeleteUserPoolUseCase, ListUserPoolsUseCase, AdminCreateUserUseCase, AdminGetUserUseCase,
        AdminDeleteUserUseCase, SetRiskConfigurationUseCase, DescribeRiskConfigurationUseCase,
        RotateFeedbackTokenKeyUseCase, ListNotificationsUseCase, DeliverNotificationsUseCase, OpenFeedbackLinkUseCase {

    /**
     * True when a call may wait on I/O (its stores block): an adapter on an event loop must call
     * from a worker thread. False: calls never block, and may run on any thread.
     */
    boolean blocking();

    /** Whether the stores can serve calls now: what readiness probes answer. */
    StoreHealth storeHealth();
}
