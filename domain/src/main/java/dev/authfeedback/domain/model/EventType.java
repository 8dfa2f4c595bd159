package dev.authfeedback.domain.model;

/** The model's EventType: what kind of sign-in step an auth event records. */
public enum EventType implements WireEnum {
    SIGN_IN("SignIn"),
    SIGN_UP("SignUp"),
    FORGOT_PASSWORD("ForgotPassword"),
    PASSWORD_CHANGE("PasswordChange"),
    RESEND_CODE("ResendCode");

    private final String wireValue;

    EventType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
