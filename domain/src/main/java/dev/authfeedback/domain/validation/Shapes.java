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
 * The one table of member constraints: each shape of aws-model/cognito-idp-service-2.json that a
 * request of this service uses, with the model's name, limits and pattern, copied as the model
 * writes them. Commands name a shape per member; {@link RequestValidator} does the checking.
 */
public final class Shapes {

    public static final StringShape USER_POOL_ID = StringShape.named("UserPoolIdType")
            .length(1, 55).pattern("[\\w-]+_[0-9a-zA-Z]+");
    public static final StringShape USERNAME = StringShape.named("UsernameType")
            .length(1, 128).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+").asSensitive();
    public static final StringShape EVENT_ID = StringShape.named("EventIdType")
            .length(1, 50).pattern("[\\w+-]+");
    public static final StringShape FEEDBACK_TOKEN = StringShape.named("TokenModelType")
            .pattern("[A-Za-z0-9-_=.]+").asSensitive();
    public static final StringShape FEEDBACK_VALUE = StringShape.named("FeedbackValueType")
            .enumOf(FeedbackValue.class);
    public static final IntegerShape QUERY_LIMIT = new IntegerShape("QueryLimitType", 0, 60);
    public static final StringShape PAGINATION_KEY = StringShape.named("PaginationKey")
            .length(1, 131072).pattern("[\\S]+");

    public static final StringShape USER_POOL_NAME = StringShape.named("UserPoolNameType")
            .length(1, 128).pattern("[\\w\\s+=,.@-]+");
    public static final StringShape ADVANCED_SECURITY_MODE = StringShape.named("AdvancedSecurityModeType")
            .enumOf(AdvancedSecurityMode.class);
    public static final StringShape USER_POOL_TIER = StringShape.named("UserPoolTierType")
            .enumOf(UserPoolTier.class);
    public static final StringShape ALIAS_ATTRIBUTE = StringShape.named("AliasAttributeType")
            .enumOf(AliasAttribute.class);
    public static final StringShape USERNAME_ATTRIBUTE = StringShape.named("UsernameAttributeType")
            .enumOf(UsernameAttribute.class);
    public static final IntegerShape POOL_QUERY_LIMIT = new IntegerShape("PoolQueryLimitType", 1, 60);
    public static final StringShape POOL_PAGINATION_KEY = StringShape.named("PaginationKeyType")
            .length(1, null).pattern("[\\S]+");

    public static final StringShape ATTRIBUTE_NAME = StringShape.named("AttributeNameType")
            .length(1, 32).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+");
    public static final StringShape ATTRIBUTE_VALUE = StringShape.named("AttributeValueType")
            .length(null, 2048).asSensitive();
    public static final StringShape PASSWORD = StringShape.named("PasswordType")
            .length(null, 256).pattern("[\\S]+").asSensitive();
    public static final StringShape MESSAGE_ACTION = StringShape.named("MessageActionType")
            .enumOf(MessageAction.class);
    public static final StringShape DELIVERY_MEDIUM = StringShape.named("DeliveryMediumType")
            .enumOf(DeliveryMedium.class);

    public static final StringShape EVENT_TYPE = StringShape.named("EventType").enumOf(EventType.class);
    public static final StringShape EVENT_RESPONSE = StringShape.named("EventResponseType").enumOf(EventResponse.class);
    public static final StringShape RISK_DECISION = StringShape.named("RiskDecisionType").enumOf(RiskDecision.class);
    public static final StringShape RISK_LEVEL = StringShape.named("RiskLevelType").enumOf(RiskLevel.class);
    public static final StringShape CHALLENGE_NAME = StringShape.named("ChallengeName").enumOf(ChallengeName.class);
    public static final StringShape CHALLENGE_RESPONSE = StringShape.named("ChallengeResponse").enumOf(ChallengeResult.class);
    public static final StringShape STRING = StringShape.named("StringType").length(0, 131072);

    public static final StringShape CLIENT_ID = StringShape.named("ClientIdType")
            .length(1, 128).pattern("[\\w+]+").asSensitive();
    public static final StringShape EVENT_FILTER = StringShape.named("EventFilterType").enumOf(EventFilter.class);
    public static final StringShape COMPROMISED_CREDENTIALS_EVENT_ACTION =
            StringShape.named("CompromisedCredentialsEventActionType").enumOf(CompromisedCredentialsEventAction.class);
    public static final StringShape ACCOUNT_TAKEOVER_EVENT_ACTION =
            StringShape.named("AccountTakeoverEventActionType").enumOf(AccountTakeoverEventAction.class);
    public static final StringShape ARN = StringShape.named("ArnType").length(20, 2048)
            .pattern("arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?"
                    + "(:[\\w+=/,.@-]+)?");
    public static final StringShape EMAIL_NOTIFICATION_SUBJECT = StringShape.named("EmailNotificationSubjectType")
            .length(1, 140).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+");
    public static final StringShape EMAIL_NOTIFICATION_BODY = StringShape.named("EmailNotificationBodyType")
            .length(6, 20000).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]+");
    /** BlockedIPRangeListType and SkippedIPRangeListType: at most 200 items. */
    public static final int IP_RANGE_LIST_MAX = 200;

    private Shapes() {
    }
}
