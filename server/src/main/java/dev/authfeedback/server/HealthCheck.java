package dev.authfeedback.server;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code --health-check}: asks a running server whether it is ready, for a container runtime's
 * health check, which runs a command rather than a request.
 */
final class HealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HealthCheck() {
    }

    /**
     * 0 when the server at host:port answers its readiness route with 200; 1 otherwise, saying why.
     * With {@code tlsCertificate} it asks over HTTPS, trusting that certificate chain alone.
     */
    static int probe(String host, int port, Path tlsCertificate, PrintStream err) {
        if (port <= 0) {
            err.println("--health-check needs the server's HTTP port (--http-port or AUTHFEEDBACK_HTTP_PORT), was: " + port);
            return 1;
        }
        URI ready = URI.create((tlsCertificate == null ? "http://" : "https://") + loopbackFor(host) + ":" + port
                + "/health/ready");
        try {
            HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(TIMEOUT);
            if (tlsCertificate != null) {
                // the server's own certificate, asked on loopback: its names need not include the address
                System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
                client.sslContext(trusting(tlsCertificate));
            }
            HttpResponse<Void> answer = client.build().send(
                    HttpRequest.newBuilder(ready).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() == 200) {
                return 0;
            }
            err.println(ready + " answered " + answer.statusCode());
            return 1;
        } catch (GeneralSecurityException unreadable) {
            err.println("cannot use " + tlsCertificate + ": " + unreadable);
            return 1;
        } catch (java.io.IOException unreachable) {
            err.println(ready + " is not reachable: " + unreachable);
            return 1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static SSLContext trusting(Path certificateChain) throws GeneralSecurityException, java.io.IOException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificateChain)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("server-" + i++, certificate);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** A server listening on every address is asked on loopback; an IPv6 host goes in brackets. */
    static String loopbackFor(String host) {
        if (host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        if (host.equals("::") || host.equals("[::]")) {
            return "[::1]";
        }
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
