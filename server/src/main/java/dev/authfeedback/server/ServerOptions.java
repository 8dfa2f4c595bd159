package dev.authfeedback.server;

import dev.authfeedback.adapter.http.HttpAdapterSettings;
import dev.authfeedback.adapter.smtp.SmtpSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Every setting is a flag and an environment variable; the flag wins. */
@Command(name = "authfeedback-server", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = ServerVersion.class,
        description = "Serves the Amazon Cognito auth event feedback API (AWS JSON 1.1 and gRPC) on an in-memory or PostgreSQL store.",
        footer = {"", "Every option can also be set by the environment variable shown; a flag wins over it."})
public final class ServerOptions {

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "${env:AUTHFEEDBACK_HOST:-127.0.0.1}",
            description = "Address to listen on (AUTHFEEDBACK_HOST). Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "${env:AUTHFEEDBACK_HTTP_PORT:-9229}",
            description = "HTTP port; 0 picks a free one (AUTHFEEDBACK_HTTP_PORT). Default: ${DEFAULT-VALUE}.")
    int httpPort;

    @Option(names = "--grpc-port", paramLabel = "PORT", defaultValue = "${env:AUTHFEEDBACK_GRPC_PORT:-9230}",
            description = "gRPC port; 0 picks a free one, -1 turns gRPC off (AUTHFEEDBACK_GRPC_PORT). "
                    + "Default: ${DEFAULT-VALUE}.")
    int grpcPort;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "${env:AUTHFEEDBACK_REGION:-us-east-1}",
            description = "Region of pool ids, ARNs and signatures (AUTHFEEDBACK_REGION). Default: ${DEFAULT-VALUE}.")
    String region;

    @Option(names = "--account-id", paramLabel = "ID", defaultValue = "${env:AUTHFEEDBACK_ACCOUNT_ID:-000000000000}",
            description = "Account id in ARNs (AUTHFEEDBACK_ACCOUNT_ID). Default: ${DEFAULT-VALUE}.")
    String accountId;

    @Option(names = "--credentials", paramLabel = "AKID:SECRET[,AKID:SECRET...]",
            defaultValue = "${env:AUTHFEEDBACK_CREDENTIALS}",
            description = "Access keys accepted in SigV4 signatures (AUTHFEEDBACK_CREDENTIALS). "
                    + "None: a pair is generated and printed.")
    String credentials;

    @Option(names = "--grpc-admin-keys", paramLabel = "KEY[,KEY...]",
            defaultValue = "${env:AUTHFEEDBACK_GRPC_ADMIN_KEYS}",
            description = "Keys accepted in gRPC 'authorization: Bearer <key>' metadata (AUTHFEEDBACK_GRPC_ADMIN_KEYS). "
                    + "None: one is generated and printed.")
    String grpcAdminKeys;

    @Option(names = "--credentials-file", paramLabel = "FILE", defaultValue = "${env:AUTHFEEDBACK_CREDENTIALS_FILE}",
            description = "A file holding what --credentials takes, so that secrets stay out of the process list "
                    + "(AUTHFEEDBACK_CREDENTIALS_FILE).")
    Path credentialsFile;

    @Option(names = "--grpc-admin-keys-file", paramLabel = "FILE",
            defaultValue = "${env:AUTHFEEDBACK_GRPC_ADMIN_KEYS_FILE}",
            description = "A file holding what --grpc-admin-keys takes (AUTHFEEDBACK_GRPC_ADMIN_KEYS_FILE).")
    Path grpcAdminKeysFile;

    @Option(names = "--http-tls-cert", paramLabel = "PEM", defaultValue = "${env:AUTHFEEDBACK_HTTP_TLS_CERT}",
            description = "Certificate chain (PEM) for HTTPS, with --http-tls-key; TLS 1.2 and 1.3 only "
                    + "(AUTHFEEDBACK_HTTP_TLS_CERT).")
    Path httpTlsCert;

    @Option(names = "--http-tls-key", paramLabel = "PEM", defaultValue = "${env:AUTHFEEDBACK_HTTP_TLS_KEY}",
            description = "Private key (PEM) for HTTPS (AUTHFEEDBACK_HTTP_TLS_KEY).")
    Path httpTlsKey;

    @Option(names = "--grpc-tls-cert", paramLabel = "PEM", defaultValue = "${env:AUTHFEEDBACK_GRPC_TLS_CERT}",
            description = "Certificate chain (PEM) for gRPC over TLS, with --grpc-tls-key (AUTHFEEDBACK_GRPC_TLS_CERT).")
    Path grpcTlsCert;

    @Option(names = "--grpc-tls-key", paramLabel = "PEM", defaultValue = "${env:AUTHFEEDBACK_GRPC_TLS_KEY}",
            description = "Private key (PKCS#8 PEM) for gRPC over TLS (AUTHFEEDBACK_GRPC_TLS_KEY).")
    Path grpcTlsKey;

    @Option(names = "--token-ttl", paramLabel = "DURATION", defaultValue = "${env:AUTHFEEDBACK_TOKEN_TTL:-P7D}",
            description = "Feedback token lifetime, ISO-8601 (AUTHFEEDBACK_TOKEN_TTL). Default: ${DEFAULT-VALUE}.")
    String tokenTtl;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES",
            defaultValue = "${env:AUTHFEEDBACK_MAX_BODY_BYTES:-262144}",
            description = "Larger request bodies get 413 (AUTHFEEDBACK_MAX_BODY_BYTES). Default: ${DEFAULT-VALUE}.")
    long maxBodyBytes;

    @Option(names = "--http-max-connections", paramLabel = "N",
            defaultValue = "${env:AUTHFEEDBACK_HTTP_MAX_CONNECTIONS:-10000}",
            description = "HTTP connections served at once; more are closed (AUTHFEEDBACK_HTTP_MAX_CONNECTIONS). "
                    + "Default: ${DEFAULT-VALUE}.")
    int httpMaxConnections;

    @Option(names = "--http-idle-timeout", paramLabel = "DURATION",
            defaultValue = "${env:AUTHFEEDBACK_HTTP_IDLE_TIMEOUT:-PT60S}",
            description = "An HTTP connection with no request in flight this long is closed "
                    + "(AUTHFEEDBACK_HTTP_IDLE_TIMEOUT). "
                    + "Default: ${DEFAULT-VALUE}.")
    String httpIdleTimeout;

    @Option(names = "--http-request-timeout", paramLabel = "DURATION",
            defaultValue = "${env:AUTHFEEDBACK_HTTP_REQUEST_TIMEOUT:-PT30S}",
            description = "A request must arrive in full within this, or its connection is closed "
                    + "(AUTHFEEDBACK_HTTP_REQUEST_TIMEOUT). Default: ${DEFAULT-VALUE}.")
    String httpRequestTimeout;

    /** Where pools, users and events live. */
    enum StoreKind { memory, postgres }

    @Option(names = "--store", paramLabel = "memory|postgres", defaultValue = "${env:AUTHFEEDBACK_STORE:-memory}",
            description = "Where pools, users and events live (AUTHFEEDBACK_STORE). Default: ${DEFAULT-VALUE}.")
    StoreKind store;

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "${env:AUTHFEEDBACK_JDBC_URL}",
            description = "PostgreSQL JDBC URL for --store postgres, e.g. jdbc:postgresql://localhost:5432/authfeedback "
                    + "(AUTHFEEDBACK_JDBC_URL).")
    String jdbcUrl;

    @Option(names = "--jdbc-user", paramLabel = "USER", defaultValue = "${env:AUTHFEEDBACK_JDBC_USER}",
            description = "Database user (AUTHFEEDBACK_JDBC_USER).")
    String jdbcUser;

    @Option(names = "--jdbc-password", paramLabel = "PASSWORD", defaultValue = "${env:AUTHFEEDBACK_JDBC_PASSWORD}",
            description = "Database password (AUTHFEEDBACK_JDBC_PASSWORD).")
    String jdbcPassword;

    @Option(names = "--jdbc-password-file", paramLabel = "FILE", defaultValue = "${env:AUTHFEEDBACK_JDBC_PASSWORD_FILE}",
            description = "A file holding the database password (AUTHFEEDBACK_JDBC_PASSWORD_FILE).")
    Path jdbcPasswordFile;

    @Option(names = "--master-key", paramLabel = "BASE64", defaultValue = "${env:AUTHFEEDBACK_MASTER_KEY}",
            description = "With --store postgres: 32 random bytes in base64 (openssl rand -base64 32) that encrypt the "
                    + "token signing keys at rest; without it they are stored unencrypted (AUTHFEEDBACK_MASTER_KEY).")
    String masterKey;

    @Option(names = "--master-key-file", paramLabel = "FILE", defaultValue = "${env:AUTHFEEDBACK_MASTER_KEY_FILE}",
            description = "A file holding the master key (AUTHFEEDBACK_MASTER_KEY_FILE).")
    Path masterKeyFile;

    @Option(names = "--jdbc-schema", paramLabel = "SCHEMA", defaultValue = "${env:AUTHFEEDBACK_JDBC_SCHEMA:-authfeedback}",
            description = "Schema for the tables and their migration history, created if absent (AUTHFEEDBACK_JDBC_SCHEMA). "
                    + "Default: ${DEFAULT-VALUE}.")
    String jdbcSchema;

    @Option(names = "--jdbc-connect-timeout", paramLabel = "DURATION",
            defaultValue = "${env:AUTHFEEDBACK_JDBC_CONNECT_TIMEOUT:-PT1S}",
            description = "How long a request waits for a database connection before it fails "
                    + "(AUTHFEEDBACK_JDBC_CONNECT_TIMEOUT). Default: ${DEFAULT-VALUE}.")
    String jdbcConnectTimeout;

    @Option(names = "--jdbc-pool-size", paramLabel = "CONNECTIONS",
            defaultValue = "${env:AUTHFEEDBACK_JDBC_POOL_SIZE:-16}",
            description = "The most connections the server keeps open to the database, 4 to 1000 "
                    + "(AUTHFEEDBACK_JDBC_POOL_SIZE). Default: ${DEFAULT-VALUE}.")
    int jdbcPoolSize;

    @Option(names = "--rate-limit-rps", paramLabel = "RPS", defaultValue = "${env:AUTHFEEDBACK_RATE_LIMIT_RPS:-25}",
            description = "Requests/s per pool and operation category; 0 turns every quota off, the per-source "
                    + "ones too (AUTHFEEDBACK_RATE_LIMIT_RPS). Default: ${DEFAULT-VALUE}.")
    double rateLimitRps;

    @Option(names = "--source-rate-limit-rps", paramLabel = "RPS",
            defaultValue = "${env:AUTHFEEDBACK_SOURCE_RATE_LIMIT_RPS:-5}",
            description = "Token feedback requests/s per source address, whatever the pool; a source is also "
                    + "slowed down after 10 refused tokens (then one every 10 s); 0 turns both off "
                    + "(AUTHFEEDBACK_SOURCE_RATE_LIMIT_RPS). Default: ${DEFAULT-VALUE}.")
    double sourceRateLimitRps;

    @Option(names = "--http-event-loops", paramLabel = "N",
            defaultValue = "${env:AUTHFEEDBACK_HTTP_EVENT_LOOPS:-0}",
            description = "Event loops serving HTTP connections, each taking the next new connection; 0 for one per "
                    + "core (AUTHFEEDBACK_HTTP_EVENT_LOOPS). Default: ${DEFAULT-VALUE}.")
    int httpEventLoops;

    /** How the HTTP listener talks to the operating system's sockets. */
    enum HttpTransport { auto, nio }

    @Option(names = "--http-transport", paramLabel = "auto|nio",
            defaultValue = "${env:AUTHFEEDBACK_HTTP_TRANSPORT:-auto}",
            description = "auto: Netty's native epoll on Linux x86-64, Java NIO elsewhere or when it cannot load "
                    + "(the start says which, and why); nio: Java NIO always (AUTHFEEDBACK_HTTP_TRANSPORT). "
                    + "Default: ${DEFAULT-VALUE}.")
    HttpTransport httpTransport;

    @Option(names = "--trusted-proxy-header", paramLabel = "NAME",
            defaultValue = "${env:AUTHFEEDBACK_TRUSTED_PROXY_HEADER}",
            description = "The header (HTTP) and metadata key (gRPC) a trusted proxy puts the caller's address in, "
                    + "such as X-Forwarded-For; without it, the connection's peer is the caller "
                    + "(AUTHFEEDBACK_TRUSTED_PROXY_HEADER).")
    String trustedProxyHeader;

    @Option(names = "--public-url", paramLabel = "URL", defaultValue = "${env:AUTHFEEDBACK_PUBLIC_URL}",
            description = "Where users reach this server: the one-click links in notification emails are under "
                    + "<URL>/feedback/; default: the HTTP listener's own URL (AUTHFEEDBACK_PUBLIC_URL).")
    String publicUrl;

    @Option(names = "--smtp-host", paramLabel = "HOST", defaultValue = "${env:AUTHFEEDBACK_SMTP_HOST}",
            description = "The mail server notifications are sent through; without it they stay in the outbox "
                    + "(ListNotifications) (AUTHFEEDBACK_SMTP_HOST).")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "${env:AUTHFEEDBACK_SMTP_PORT:-587}",
            description = "The mail server's port (AUTHFEEDBACK_SMTP_PORT). Default: ${DEFAULT-VALUE}.")
    int smtpPort;

    @Option(names = "--smtp-starttls", paramLabel = "MODE", defaultValue = "${env:AUTHFEEDBACK_SMTP_STARTTLS:-required}",
            description = "off, optional or required (AUTHFEEDBACK_SMTP_STARTTLS). Default: ${DEFAULT-VALUE}.")
    String smtpStartTls;

    @Option(names = "--smtp-username", paramLabel = "USER", defaultValue = "${env:AUTHFEEDBACK_SMTP_USERNAME}",
            description = "The mail server's user (AUTHFEEDBACK_SMTP_USERNAME).")
    String smtpUsername;

    @Option(names = "--smtp-password", paramLabel = "PASSWORD", defaultValue = "${env:AUTHFEEDBACK_SMTP_PASSWORD}",
            description = "The mail server's password (AUTHFEEDBACK_SMTP_PASSWORD).")
    String smtpPassword;

    @Option(names = "--smtp-password-file", paramLabel = "FILE", defaultValue = "${env:AUTHFEEDBACK_SMTP_PASSWORD_FILE}",
            description = "A file holding the mail server's password (AUTHFEEDBACK_SMTP_PASSWORD_FILE).")
    Path smtpPasswordFile;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "${env:AUTHFEEDBACK_LOG_LEVEL:-INFO}",
            description = "Least severe log lines written: ERROR, WARN, INFO, DEBUG or TRACE (AUTHFEEDBACK_LOG_LEVEL). "
                    + "Default: ${DEFAULT-VALUE}.")
    LogLevel logLevel;

    @Option(names = "--health-check",
            description = "Instead of serving: ask the server that runs with these settings whether it is ready "
                    + "(GET /health/ready on its HTTP port, on loopback when it listens on every address); exit 0 if "
                    + "it is, 1 if not. The container image's health check.")
    boolean healthCheck;

    /** The levels --log-level takes. */
    enum LogLevel { ERROR, WARN, INFO, DEBUG, TRACE }

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "${env:AUTHFEEDBACK_LOG_FORMAT:-text}",
            description = "Each log line as text, or as one JSON object (AUTHFEEDBACK_LOG_FORMAT). "
                    + "Default: ${DEFAULT-VALUE}.")
    LogFormat logFormat;

    /** The formats --log-format takes. */
    enum LogFormat { text, json }

    @Option(names = "--access-log", paramLabel = "true|false", arity = "1",
            defaultValue = "${env:AUTHFEEDBACK_ACCESS_LOG:-false}",
            description = "One log line per request: operation, status, error type, duration, request id "
                    + "(AUTHFEEDBACK_ACCESS_LOG). Default: ${DEFAULT-VALUE}.")
    boolean accessLog;

    /**
     * The settings the flags give, with the environment's {@code AUTHFEEDBACK_*} variables behind
     * them, as the server's own command line reads them: for starting a server in process with
     * {@link AuthFeedbackServer#start}.
     *
     * @param args flags such as {@code --http-port 0}
     * @return the settings
     * @throws IllegalArgumentException for an unknown flag or a bad value, naming it
     */
    public static ServerOptions parse(String... args) {
        ServerOptions options = new ServerOptions();
        try {
            new CommandLine(options).parseArgs(args);
        } catch (CommandLine.ParameterException bad) {
            throw new IllegalArgumentException(explain(bad, List.of(args)), bad);
        }
        return options;
    }

    /** The region the server signs and names pools in. */
    public String region() {
        return region;
    }

    Duration tokenLifetime() {
        return duration("--token-ttl", tokenTtl);
    }

    Duration jdbcConnectTimeout() {
        return duration("--jdbc-connect-timeout", jdbcConnectTimeout);
    }

    HttpAdapterSettings.ConnectionLimits httpLimits() {
        return new HttpAdapterSettings.ConnectionLimits(httpMaxConnections,
                duration("--http-idle-timeout", httpIdleTimeout), duration("--http-request-timeout", httpRequestTimeout));
    }

    private static Duration duration(String flag, String value) {
        try {
            return Duration.parse(value);
        } catch (RuntimeException notIso) {
            throw new IllegalArgumentException(named(flag) + " must be an ISO-8601 duration such as P7D or PT30S, was: "
                    + value);
        }
    }

    /**
     * The configured gRPC admin keys, from the flag or its file; empty when none are set.
     *
     * @return the keys
     * @throws IllegalArgumentException when both the flag and its file are set, or the file cannot be read
     */
    public List<String> grpcAdminKeyList() {
        String keys = secret("--grpc-admin-keys", grpcAdminKeys, grpcAdminKeysFile);
        if (keys == null || keys.isBlank()) {
            return List.of();
        }
        return Arrays.stream(keys.split("[,\\n]")).map(String::strip).filter(key -> !key.isEmpty()).toList();
    }

    /**
     * The configured access keys by id, from the flag or its file; empty when none are set.
     *
     * @return secret access keys by access key id
     * @throws IllegalArgumentException for a malformed pair, when both the flag and its file are set, or
     *                                  when the file cannot be read
     */
    public Map<String, String> credentialPairs() {
        Map<String, String> pairs = new LinkedHashMap<>();
        String configured = secret("--credentials", credentials, credentialsFile);
        if (configured == null || configured.isBlank()) {
            return pairs;
        }
        for (String pair : configured.split("[,\\n]")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                // the value is a secret: not repeated here
                throw new IllegalArgumentException(named("--credentials") + " takes AKID:SECRET pairs separated by commas (or lines, in its file)");
            }
            pairs.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
        }
        return pairs;
    }

    /** HTTPS's certificate and key, or null for plain HTTP; the two settings go together. */
    HttpAdapterSettings.Tls httpTls() {
        if (httpTlsCert == null && httpTlsKey == null) {
            return null;
        }
        if (httpTlsCert == null || httpTlsKey == null) {
            throw new IllegalArgumentException(named("--http-tls-cert") + " and " + named("--http-tls-key")
                    + " go together: give both for HTTPS, or neither");
        }
        return new HttpAdapterSettings.Tls(httpTlsCert, httpTlsKey);
    }

    /** The database password, from the flag or its file; null when neither is set. */
    String jdbcPassword() {
        return secret("--jdbc-password", jdbcPassword, jdbcPasswordFile);
    }

    /** The mail server's settings, or null when notifications stay in the outbox. */
    SmtpSettings smtp() {
        if (smtpHost == null) {
            return null;
        }
        SmtpSettings.StartTls startTls;
        try {
            startTls = SmtpSettings.StartTls.parse(smtpStartTls);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(named("--smtp-starttls") + " " + bad.getMessage(), bad);
        }
        try {
            return new SmtpSettings(smtpHost, smtpPort, startTls, smtpUsername,
                    secret("--smtp-password", smtpPassword, smtpPasswordFile), SmtpSettings.DEFAULT_TIMEOUT);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("the mail server settings (--smtp-*): " + bad.getMessage(), bad);
        }
    }

    /** The master key, from the flag or its file (base64, not yet decoded); null when neither is set. */
    String masterKey() {
        return secret("--master-key", masterKey, masterKeyFile);
    }

    /**
     * A secret given by its flag (or variable) or by the file its {@code -file} flag names, never both:
     * the file's content without its final line break.
     */
    private static String secret(String flag, String value, Path file) {
        if (file == null) {
            return value;
        }
        if (value != null) {
            throw new IllegalArgumentException(named(flag) + " and " + named(flag + "-file")
                    + " are both set: give one of them");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\R\\z", "");
        } catch (IOException | RuntimeException unreadable) {
            throw new IllegalArgumentException(named(flag + "-file") + ": cannot read " + file + " ("
                    + unreadable.getClass().getSimpleName() + ")", unreadable);
        }
    }

    /**
     * A parameter error that names where the bad value came from: the flag, or (when the flag was
     * not given) the environment variable behind it.
     */
    static String explain(CommandLine.ParameterException bad, List<String> args) {
        if (!(bad.getArgSpec() instanceof CommandLine.Model.OptionSpec option)) {
            return bad.getMessage();
        }
        boolean given = args.stream().anyMatch(arg -> Arrays.stream(option.names())
                .anyMatch(name -> arg.equals(name) || arg.startsWith(name + "=")));
        String variable = environmentVariable(option.longestName());
        if (given || System.getenv(variable) == null) {
            return bad.getMessage();
        }
        return "Invalid value in the environment variable " + variable + " (for " + option.longestName()
                + "): " + bad.getMessage().replaceFirst("^Invalid value for option '[^']*': ", "");
    }

    /** A flag as errors name it: {@code --token-ttl (or AUTHFEEDBACK_TOKEN_TTL)}. */
    static String named(String flag) {
        return flag + " (or " + environmentVariable(flag) + ")";
    }

    /** The variable behind a flag: {@code --http-port} is {@code AUTHFEEDBACK_HTTP_PORT}. */
    static String environmentVariable(String flag) {
        return "AUTHFEEDBACK_" + flag.substring(2).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }
}
