package dev.authfeedback.benchmarks;

import dev.authfeedback.adapter.grpc.v1.AdminUpdateAuthEventFeedbackRequest;
import dev.authfeedback.adapter.grpc.v1.AdminUpdateAuthEventFeedbackResponse;
import dev.authfeedback.adapter.grpc.v1.FeedbackServiceGrpc;
import dev.authfeedback.adapter.grpc.v1.FeedbackValue;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load generator, a process of its own: reads one JSON command per stdin line, runs a
 * closed loop (each of N connections sends its next request when the last answer arrived) for the
 * given seconds, and prints one JSON result line: requests, errors, seconds and the latency
 * histogram (HdrHistogram, microseconds, base64).
 */
public final class LoadGenerator {

    private final Vertx vertx = Vertx.vertx();

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        LoadGenerator generator = new LoadGenerator();
        System.out.println("ready generator");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            JsonObject command = new JsonObject(line);
            JsonObject result = command.getString("protocol").equals("http") ? generator.http(command)
                    : generator.grpc(command);
            System.out.println("result " + result.encode());
        }
        generator.vertx.close();
    }

    private JsonObject http(JsonObject command) throws InterruptedException {
        int connections = command.getInteger("connections");
        long durationNanos = (long) (command.getDouble("seconds") * 1e9);
        // each request its own headers (a signature covers its body) and body, prepared once
        List<RequestOptions> heads = new ArrayList<>();
        List<Buffer> bodies = new ArrayList<>();
        for (Object each : command.getJsonArray("requests")) {
            JsonObject request = (JsonObject) each;
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                    .setHost(command.getString("host")).setPort(command.getInteger("port")).setURI("/");
            request.getJsonObject("headers").forEach(header -> options.putHeader(header.getKey(),
                    (String) header.getValue()));
            heads.add(options);
            bodies.add(Buffer.buffer(request.getString("body")));
        }
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections));
        Run run = new Run(connections, durationNanos);
        for (int c = 0; c < connections; c++) {
            int loop = c;
            vertx.runOnContext(nothing -> sendHttp(client, heads, bodies, loop, run));
        }
        JsonObject result = run.await();
        client.close();
        return result;
    }

    private void sendHttp(HttpClient client, List<RequestOptions> heads, List<Buffer> bodies, int counter, Run run) {
        if (!run.continues()) {
            run.loopDone();
            return;
        }
        long started = System.nanoTime();
        int which = counter % bodies.size();
        client.request(heads.get(which))
                .compose(request -> request.send(bodies.get(which)))
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(result -> {
                    run.record(started, result.succeeded() && result.result() == 200);
                    sendHttp(client, heads, bodies, counter + 1, run);
                });
    }

    private JsonObject grpc(JsonObject command) throws InterruptedException {
        int connections = command.getInteger("connections");
        int channels = Math.min(connections, command.getInteger("channels", 8));
        long durationNanos = (long) (command.getDouble("seconds") * 1e9);
        Metadata metadata = new Metadata();
        metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + command.getString("adminKey"));
        JsonArray events = command.getJsonArray("eventIds");
        List<AdminUpdateAuthEventFeedbackRequest> requests = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            requests.add(AdminUpdateAuthEventFeedbackRequest.newBuilder().setUserPoolId(command.getString("poolId"))
                    .setUsername(command.getString("username")).setEventId(events.getString(i))
                    .setFeedbackValue(FeedbackValue.FEEDBACK_VALUE_INVALID).build());
        }
        List<ManagedChannel> opened = new ArrayList<>();
        List<FeedbackServiceGrpc.FeedbackServiceStub> stubs = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            ManagedChannel channel = NettyChannelBuilder.forAddress(command.getString("host"), command.getInteger("port"))
                    .usePlaintext().build();
            opened.add(channel);
            stubs.add(FeedbackServiceGrpc.newStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata)));
        }
        Run run = new Run(connections, durationNanos);
        for (int c = 0; c < connections; c++) {
            sendGrpc(stubs.get(c % channels), requests, c, run);
        }
        JsonObject result = run.await();
        opened.forEach(ManagedChannel::shutdownNow);
        return result;
    }

    private void sendGrpc(FeedbackServiceGrpc.FeedbackServiceStub stub, List<AdminUpdateAuthEventFeedbackRequest> requests,
                          int counter, Run run) {
        if (!run.continues()) {
            run.loopDone();
            return;
        }
        long started = System.nanoTime();
        stub.adminUpdateAuthEventFeedback(requests.get(counter % requests.size()), new StreamObserver<>() {
            @Override
            public void onNext(AdminUpdateAuthEventFeedbackResponse value) {
            }

            @Override
            public void onError(Throwable t) {
                run.record(started, false);
                sendGrpc(stub, requests, counter + 1, run);
            }

            @Override
            public void onCompleted() {
                run.record(started, true);
                sendGrpc(stub, requests, counter + 1, run);
            }
        });
    }

    /** One timed run: when it ends, what it counted, and the latencies. */
    private static final class Run {
        private final long start = System.nanoTime();
        private final long end;
        private final CountDownLatch loops;
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final Recorder latencies = new Recorder(3);
        private volatile long lastAnswer;

        Run(int connections, long durationNanos) {
            this.end = start + durationNanos;
            this.loops = new CountDownLatch(connections);
        }

        boolean continues() {
            return System.nanoTime() < end;
        }

        void loopDone() {
            loops.countDown();
        }

        void record(long started, boolean ok) {
            long now = System.nanoTime();
            lastAnswer = now;
            if (ok) {
                requests.incrementAndGet();
                latencies.recordValue(Math.max(1, (now - started) / 1000));
            } else {
                errors.incrementAndGet();
            }
        }

        JsonObject await() throws InterruptedException {
            loops.await(60, TimeUnit.SECONDS);
            Histogram histogram = latencies.getIntervalHistogram();
            ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
            int length = histogram.encodeIntoCompressedByteBuffer(buffer);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(buffer.array(), 0, length);
            return new JsonObject()
                    .put("requests", requests.get())
                    .put("errors", errors.get())
                    .put("seconds", (Math.max(lastAnswer, end) - start) / 1e9)
                    .put("histogram", Base64.getEncoder().encodeToString(bytes.toByteArray()));
        }
    }
}
