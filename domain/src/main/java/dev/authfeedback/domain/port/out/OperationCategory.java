package dev.authfeedback.domain.port.out;

/** The quota an operation counts against, per pool (like Cognito's request-rate categories). */
public enum OperationCategory {
    /** UpdateAuthEventFeedback and AdminUpdateAuthEventFeedback. */
    FEEDBACK,
    /** AdminGetUser and AdminListUserAuthEvents. */
    USER_READ,
    /** AdminCreateUser, AdminDeleteUser and RecordAuthEvent. */
    USER_WRITE,
    /** DescribeUserPool and ListUserPools. */
    POOL_READ,
    /** CreateUserPool, UpdateUserPool and DeleteUserPool. */
    POOL_WRITE
}
