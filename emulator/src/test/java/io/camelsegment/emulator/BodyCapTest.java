package io.camelsegment.emulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator reads at most {@link Request#MAX_BODY_BYTES} of a body, before and after gzip. */
class BodyCapTest extends EmulatorTestSupport {

    private static final long HUGE = 768L * 1024 * 1024;

    /** 768 MB of spaces, made up as they are read, so the test itself holds none of them. */
    private static InputStream endlessSpaces() {
        return new InputStream() {
            private long left = HUGE;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                Arrays.fill(buffer, offset, offset + n, (byte) ' ');
                left -= n;
                return n;
            }
        };
    }

    /** {@code megabytes} of zeros, gzipped to a few kilobytes. */
    private static byte[] gzipBomb(int megabytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                gzip.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private HttpResponse<String> sendGzip(String url, String method, byte[] gzipped) throws Exception {
        return client.sendOrThrow(HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(gzipped))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .header("Authorization", EmulatorClient.basic(SegmentEmulator.DEMO_WRITE_KEY))
                .build());
    }

    @Test
    void aChunkedUploadFarOverTheCapIsCutOffAndAnswered400() throws Exception {
        HttpRequest upload = HttpRequest.newBuilder(URI.create(emulator.trackingUrl() + "/batch"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(BodyCapTest::endlessSpaces))
                .header("Content-Type", "application/json")
                .header("Authorization", EmulatorClient.basic(SegmentEmulator.DEMO_WRITE_KEY))
                .build();

        try {
            HttpResponse<String> response = client.sendOrThrow(upload);
            assertThat(response.statusCode()).isEqualTo(400);
        } catch (IOException connectionClosedMidUpload) {
            // Also fair: the emulator answered and closed the connection while the client was still sending.
        }

        assertThat(emulator.trackingRequests()).singleElement().satisfies(request -> {
            assertThat(request.status()).isEqualTo(400);
            assertThat(request.body().length()).isLessThanOrEqualTo(Request.MAX_BODY_BYTES + 1);
        });
    }

    @Test
    void aGzipBodyInflatingPastTheCapIsAnswered400OnTheTrackingApiAndKeptOnlyUpToTheCap() throws Exception {
        HttpResponse<String> response = sendGzip(emulator.trackingUrl() + "/batch", "POST", gzipBomb(64));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(EmulatorClient.json(response).get("message").asText()).contains("cap");
        assertThat(emulator.trackingRequests().get(0).body().length()).isLessThanOrEqualTo(Request.MAX_BODY_BYTES + 1);
    }

    @Test
    void aGzipBodyInflatingPastTheCapIsAnswered413OnThePublicApi() throws Exception {
        HttpResponse<String> response = client.sendOrThrow(HttpRequest.newBuilder(
                        URI.create(emulator.apiUrl() + "/sources/" + SegmentEmulator.DEMO_SOURCE_ID))
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(gzipBomb(64)))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .header("Authorization", "Bearer " + emulator.token())
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(EmulatorClient.json(response).at("/errors/0/type").asText()).isEqualTo("PayloadTooLarge");
    }

    @Test
    void aGzipBodyWithinTheCapIsStillRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write("{\"userId\":\"u1\",\"event\":\"A\"}".getBytes(StandardCharsets.UTF_8));
        }
        byte[] gzipped = out.toByteArray();

        assertThat(sendGzip(emulator.trackingUrl() + "/track", "POST", gzipped).statusCode()).isEqualTo(200);
        assertThat(emulator.acceptedEvents()).hasSize(1);
    }
}
