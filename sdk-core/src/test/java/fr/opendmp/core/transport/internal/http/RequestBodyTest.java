package fr.opendmp.core.transport.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A body of segments reads as the bytes it stands for, announces their exact length, and reads again whole. */
class RequestBodyTest {

    private static final byte[] HEAD = "{\"data\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "\"}".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 49_151, 49_152, 49_153, 98_305, (1 << 20) + 2})
    void theBodyIsItsBytesWithTheStandardBase64OfTheDocumentAndItsLengthIsExact(int size) throws IOException {
        byte[] doc = new byte[size];
        new Random(size).nextBytes(doc);
        ByteBuffer view = ByteBuffer.wrap(doc).asReadOnlyBuffer();
        RequestBody body = RequestBody.of(List.of(new RequestBody.Bytes(HEAD), new RequestBody.Base64Of(view),
                new RequestBody.Bytes(TAIL)));
        byte[] expected = concat(HEAD, Base64.getEncoder().encode(doc), TAIL);

        assertThat(body.length()).isEqualTo(expected.length);
        try (InputStream in = body.open()) {
            assertThat(in.readAllBytes()).isEqualTo(expected);
        }
        assertThat(inSmallReads(body.open(), 7)).isEqualTo(expected);
        assertThat(view.position()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1000, 200_000})
    void eachOpeningReadsTheWholeBodyAgainFromItsFirstByte(int size) throws IOException {
        byte[] doc = new byte[size];
        new Random(7).nextBytes(doc);
        RequestBody body = RequestBody.of(List.of(new RequestBody.Base64Of(ByteBuffer.wrap(doc).asReadOnlyBuffer()),
                new RequestBody.Bytes(TAIL), new RequestBody.Base64Of(ByteBuffer.wrap(doc).asReadOnlyBuffer())));
        InputStream first = body.open();
        byte[] start = first.readNBytes(3);
        byte[] again = body.open().readAllBytes();
        assertThat(again).startsWith(start).hasSize((int) body.length());
        assertThat(concat(start, first.readAllBytes())).isEqualTo(again);
    }

    private static byte[] inSmallReads(InputStream in, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[chunk];
        for (int n = in.read(buf, 0, chunk); n >= 0; n = in.read(buf, 0, chunk)) {
            assertThat(n).isPositive();
            out.write(buf, 0, n);
        }
        assertThat(in.read()).isEqualTo(-1);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
