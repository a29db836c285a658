package fr.opendmp.testkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.Validation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher parses its options, applies a seed file and prints the base URL. */
class FakeDmpLauncherTest {

    @Test
    void startsWithSeedFileAndPrintsBaseUrl(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, "{\"patients\":[{\"ins\":\"279119913400976\",\"dmp\":\"none\"}]}");
        try (FakeDmp dmp = FakeDmpLauncher.start(new String[] {"--port", "0", "--seed", seed.toString(),
            "--auth", "off", "--validation", "lenient"})) {
            assertThat(dmp.validation()).isEqualTo(Validation.LENIENT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FakeDmpLauncher.print(dmp, new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(dmp.baseUri().toString());
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dmp.baseUri()
                    + "/Patient?identifier=urn%3Aoid%3A1.2.250.1.213.1.4.8%7C279119913400976")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).contains("\"total\":0");
        }
    }

    @Test
    void refusesUnknownOptionsAndAuthOn() {
        assertThatThrownBy(() -> FakeDmpLauncher.start(new String[] {"--bogus", "1"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeDmpLauncher.start(new String[] {"--auth", "on"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
