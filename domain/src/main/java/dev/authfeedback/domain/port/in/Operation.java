package dev.authfeedback.domain.port.in;

import dev.authfeedback.domain.port.out.OperationCategory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of operations: each once, with its name, the API namespace it belongs to, the
 * quota it counts against and how a caller is authorized. Adapters read their dispatch tables,
 * authorization rules and metric labels from here, so adding an operation starts with a constant.
 */
public enum Operation {
    UPDATE_AUTH_EVENT_FEEDBACK("UpdateAuthEventFeedback", Namespace.COGNITO, OperationCategory.TOKEN_FEEDBACK,
            Authorization.FEEDBACK_TOKEN),
    ADMIN_UPDATE_AUTH_EVENT_FEEDBACK("AdminUpdateAuthEventFeedback", Namespace.COGNITO, OperationCategory.FEEDBACK,
            Authorization.ADMIN),
    ADMIN_LIST_USER_AUTH_EVENTS("AdminListUserAuthEvents", Namespace.COGNITO, OperationCategory.USER_READ,
            Authorization.ADMIN),
    CREATE_USER_POOL("CreateUserPool", Namespace.COGNITO, OperationCategory.POOL_WRITE, Authorization.ADMIN),
    DESCRIBE_USER_POOL("DescribeUserPool", Namespace.COGNITO, OperationCategory.POOL_READ, Authorization.ADMIN),
    UPDATE_USER_POOL("UpdateUserPool", Namespace.COGNITO, OperationCategory.POOL_WRITE, Authorization.ADMIN),
    DELETE_USER_POOL("DeleteUserPool", Namespace.COGNITO, OperationCategory.POOL_WRITE, Authorization.ADMIN),
    LIST_USER_POOLS("ListUserPools", Namespace.COGNITO, OperationCategory.POOL_READ, Authorization.ADMIN),
    ADMIN_CREATE_USER("AdminCreateUser", Namespace.COGNITO, OperationCategory.USER_WRITE, Authorization.ADMIN),
    ADMIN_GET_USER("AdminGetUser", Namespace.COGNITO, OperationCategory.USER_READ, Authorization.ADMIN),
    ADMIN_DELETE_USER("AdminDeleteUser", Namespace.COGNITO, OperationCategory.USER_WRITE, Authorization.ADMIN),
    SET_RISK_CONFIGURATION("SetRiskConfiguration", Namespace.COGNITO, OperationCategory.POOL_WRITE,
            Authorization.ADMIN),
    DESCRIBE_RISK_CONFIGURATION("DescribeRiskConfiguration", Namespace.COGNITO, OperationCategory.POOL_READ,
            Authorization.ADMIN),
    RECORD_AUTH_EVENT("RecordAuthEvent", Namespace.AUTH_EVENT_FEEDBACK, OperationCategory.USER_WRITE,
            Authorization.ADMIN),
    ROTATE_FEEDBACK_TOKEN_KEY("RotateFeedbackTokenKey", Namespace.AUTH_EVENT_FEEDBACK, OperationCategory.POOL_WRITE,
            Authorization.ADMIN),
    LIST_NOTIFICATIONS("ListNotifications", Namespace.AUTH_EVENT_FEEDBACK, OperationCategory.POOL_READ,
            Authorization.ADMIN);

    /** Who defines an operation: the service model's target prefix, or this project's own. */
    public enum Namespace {
        /** The operations of the Cognito user-pools service model. */
        COGNITO("AWSCognitoIdentityProviderService"),
        /** This project's own operations, which no AWS client knows. */
        AUTH_EVENT_FEEDBACK("AuthEventFeedback");

        private final String targetPrefix;

        Namespace(String targetPrefix) {
            this.targetPrefix = targetPrefix;
        }

        /** The model's {@code targetPrefix}: what stands before the dot in an AWS JSON target. */
        public String targetPrefix() {
            return targetPrefix;
        }
    }

    /** How a caller is allowed to call an operation. */
    public enum Authorization {
        /** The administrator's credentials (SigV4 over HTTP, an admin key over gRPC). */
        ADMIN,
        /** None at the transport: the request's feedback token authorizes it. */
        FEEDBACK_TOKEN
    }

    private static final Map<String, Operation> BY_NAME = new HashMap<>();

    static {
        for (Operation operation : values()) {
            BY_NAME.put(operation.awsName, operation);
        }
    }

    private final String awsName;
    private final Namespace namespace;
    private final OperationCategory category;
    private final Authorization authorization;

    Operation(String awsName, Namespace namespace, OperationCategory category, Authorization authorization) {
        this.awsName = awsName;
        this.namespace = namespace;
        this.category = category;
        this.authorization = authorization;
    }

    /** The operation's name in the service model (or this project's), e.g. {@code UpdateAuthEventFeedback}. */
    public String awsName() {
        return awsName;
    }

    /** The X-Amz-Target prefix the operation is called under. */
    public Namespace namespace() {
        return namespace;
    }

    /** The AWS JSON target: {@code <targetPrefix>.<awsName>}. */
    public String target() {
        return namespace.targetPrefix() + '.' + awsName;
    }

    /** The quota the operation counts against. */
    public OperationCategory category() {
        return category;
    }

    /** Who may call it: a SigV4-signed administrator, or anyone with a feedback token. */
    public Authorization authorization() {
        return authorization;
    }

    /** The operation of this name, if there is one. */
    public static Optional<Operation> byAwsName(String awsName) {
        return Optional.ofNullable(BY_NAME.get(awsName));
    }
}
