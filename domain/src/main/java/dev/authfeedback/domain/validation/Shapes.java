package dev.authfeedback.domain.validation;

import dev.authfeedback.domain.model.AccountTakeoverEventAction;
import dev.authfeedback.domain.model.AdvancedSecurityMode;
import dev.authfeedback.domain.model.AliasAttribute;
import dev.authfeedback.domain.model.ChallengeName;
import dev.authfeedback.domain.model.ChallengeResult;
import dev.authfeedback.domain.model.CompromisedCredentialsEventAction;
import dev.authfeedback.domain.model.DeliveryMedium;
import dev.authfeedback.domain.model.EventFilter;
import dev.authfeedback.domain.model.EventResponse;
import dev.authfeedback.domain.model.EventType;
import dev.authfeedback.domain.model.FeedbackValue;
import dev.authfeedback.domain.model.MessageAction;
import dev.authfeedback.domain.model.RiskDecision;
import dev.authfeedback.domain.model.RiskLevel;
import dev.authfeedback.domain.model.UserPoolTier;
import dev.authfeedback.domain.model.UsernameAttribute;

/**
 * The one table of member constraints: each shape of the official Cognito user pools service model
 * that a request of this service uses, with the model's name, limits and pattern, copied as the model
 * writes them. Commands name a shape per member; {@link RequestValidator} does the checking.
 */
public final class Shapes {

    /** The model's {@code UserPoolIdType}. */
    public static final StringShape USER_POOL_ID = StringShape.named("UserPoolIdType")
            .length(1, 55).pattern("[\\w-]+_[0-9a-zA-Z]+");
    /** The model's {@code UsernameType}. */
    public static final StringShape USERNAME = StringShape.named("UsernameType")
            .length(1, 128).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+").asSensitive();
    /** The model's {@code EventIdType}. */
    public static final StringShape EVENT_ID = StringShape.named("EventIdType")
            .length(1, 50).pattern("[\\w+-]+");
    /** The model's {@code TokenModelType}. */
    public static final StringShape FEEDBACK_TOKEN = StringShape.named("TokenModelType")
            .pattern("[A-Za-z0-9-_=.]+").asSensitive();
    /** The model's {@code FeedbackValueType}. */
    public static final StringShape FEEDBACK_VALUE = StringShape.named("FeedbackValueType")
            .enumOf(FeedbackValue.class);
    /** The model's {@code QueryLimitType}. */
    public static final IntegerShape QUERY_LIMIT = new IntegerShape("QueryLimitType", 0, 60);
    /** The model's {@code PaginationKey}. */
    public static final StringShape PAGINATION_KEY = StringShape.named("PaginationKey")
            .length(1, 131072).pattern("[\\S]+");

    /** The model's {@code UserPoolNameType}. */
    public static final StringShape USER_POOL_NAME = StringShape.named("UserPoolNameType")
            .length(1, 128).pattern("[\\w\\s+=,.@-]+");
    /** The model's {@code AdvancedSecurityModeType}. */
    public static final StringShape ADVANCED_SECURITY_MODE = StringShape.named("AdvancedSecurityModeType")
            .enumOf(AdvancedSecurityMode.class);
    /** The model's {@code UserPoolTierType}. */
    public static final StringShape USER_POOL_TIER = StringShape.named("UserPoolTierType")
            .enumOf(UserPoolTier.class);
    /** The model's {@code AliasAttributeType}. */
    public static final StringShape ALIAS_ATTRIBUTE = StringShape.named("AliasAttributeType")
            .enumOf(AliasAttribute.class);
    /** The model's {@code UsernameAttributeType}. */
    public static final StringShape USERNAME_ATTRIBUTE = StringShape.named("UsernameAttributeType")
            .enumOf(UsernameAttribute.class);
    /** The model's {@code PoolQueryLimitType}. */
    public static final IntegerShape POOL_QUERY_LIMIT = new IntegerShape("PoolQueryLimitType", 1, 60);
    /** The model's {@code PaginationKeyType}. */
    public static final StringShape POOL_PAGINATION_KEY = StringShape.named("PaginationKeyType")
            .length(1, null).pattern("[\\S]+");

    /** The model's {@code AttributeNameType}. */
    public static final StringShape ATTRIBUTE_NAME = StringShape.named("AttributeNameType")
            .length(1, 32).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+");
    /** The model's {@code AttributeValueType}. */
    public static final StringShape ATTRIBUTE_VALUE = StringShape.named("AttributeValueType")
            .length(null, 2048).asSensitive();
    /** The model's {@code PasswordType}. */
    public static final StringShape PASSWORD = StringShape.named("PasswordType")
            .length(null, 256).pattern("[\\S]+").asSensitive();
    /** The model's {@code MessageActionType}. */
    public static final StringShape MESSAGE_ACTION = StringShape.named("MessageActionType")
            .enumOf(MessageAction.class);
    /** The model's {@code DeliveryMediumType}. */
    public static final StringShape DELIVERY_MEDIUM = StringShape.named("DeliveryMediumType")
            .enumOf(DeliveryMedium.class);

    /** The model's {@code EventType}. */
    public static final StringShape EVENT_TYPE = StringShape.named("EventType").enumOf(EventType.class);
    /** The model's {@code EventResponseType}. */
    public static final StringShape EVENT_RESPONSE = StringShape.named("EventResponseType").enumOf(EventResponse.class);
    /** The model's {@code RiskDecisionType}. */
    public static final StringShape RISK_DECISION = StringShape.named("RiskDecisionType").enumOf(RiskDecision.class);
    /** The model's {@code RiskLevelType}. */
    public static final StringShape RISK_LEVEL = StringShape.named("RiskLevelType").enumOf(RiskLevel.class);
    /** The model's {@code ChallengeName}. */
    public static final StringShape CHALLENGE_NAME = StringShape.named("ChallengeName").enumOf(ChallengeName.class);
    /** The model's {@code ChallengeResponse}. */
    public static final StringShape CHALLENGE_RESPONSE = StringShape.named("ChallengeResponse").enumOf(ChallengeResult.class);
    /** The model's {@code StringType}. */
    public static final StringShape STRING = StringShape.named("StringType").length(0, 131072);

    /** The model's {@code ClientIdType}. */
    public static final StringShape CLIENT_ID = StringShape.named("ClientIdType")
            .length(1, 128).pattern("[\\w+]+").asSensitive();
    /** The model's {@code EventFilterType}. */
    public static final StringShape EVENT_FILTER = StringShape.named("EventFilterType").enumOf(EventFilter.class);
    /** The model's {@code CompromisedCredentialsEventActionType}. */
    public static final StringShape COMPROMISED_CREDENTIALS_EVENT_ACTION =
            StringShape.named("CompromisedCredentialsEventActionType").enumOf(CompromisedCredentialsEventAction.class);
    /** The model's {@code AccountTakeoverEventActionType}. */
    public static final StringShape ACCOUNT_TAKEOVER_EVENT_ACTION =
            StringShape.named("AccountTakeoverEventActionType").enumOf(AccountTakeoverEventAction.class);
    /** The model's {@code ArnType}. */
    public static final StringShape ARN = StringShape.named("ArnType").length(20, 2048)
            .pattern("arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?"
                    + "(:[\\w+=/,.@-]+)?");
    /** The model's {@code EmailNotificationSubjectType}. */
    public static final StringShape EMAIL_NOTIFICATION_SUBJECT = StringShape.named("EmailNotificationSubjectType")
            .length(1, 140).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+");
    /** The model's {@code EmailNotificationBodyType}. */
    public static final StringShape EMAIL_NOTIFICATION_BODY = StringShape.named("EmailNotificationBodyType")
            .length(6, 20000).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]+");
    /** BlockedIPRangeListType and SkippedIPRangeListType: at most 200 items. */
    public static final int IP_RANGE_LIST_MAX = 200;

    private Shapes() {
    }
}
