package dev.authfeedback.server;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code --health-check}: asks a running server whether it is ready, for a container runtime's
 * health check, which runs a command rather than a request.
 */
final class HealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HealthCheck() {
    }

    /** 0 when the server at host:port answers its readiness route with 200; 1 otherwise, saying why. */
    static int probe(String host, int port, PrintStream err) {
        if (port <= 0) {
            err.println("--health-check needs the server's HTTP port (--http-port or AUTHFEEDBACK_HTTP_PORT), was: " + port);
            return 1;
        }
        URI ready = URI.create("http://" + loopbackFor(host) + ":" + port + "/health/ready");
        try {
            HttpResponse<Void> answer = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
                    HttpRequest.newBuilder(ready).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() == 200) {
                return 0;
            }
            err.println(ready + " answered " + answer.statusCode());
            return 1;
        } catch (java.io.IOException unreachable) {
            err.println(ready + " is not reachable: " + unreachable);
            return 1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 1;
        }
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
