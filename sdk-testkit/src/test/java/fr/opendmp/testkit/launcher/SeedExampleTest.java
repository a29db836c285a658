package fr.opendmp.testkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.access.DmpState;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.dmp.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed file shipped beside the module ({@code sdk-testkit/seed-example.json}) loads with the
 * README's launcher options ({@code --seed ... --validation lenient}, verified mode by default).
 */
class SeedExampleTest {

    @Test
    void theShippedSeedFileStartsTheFakeAsTheReadmeSays(@TempDir Path credentials) throws Exception {
        Path seed = Path.of("seed-example.json");      // surefire runs in the module folder
        assertThat(seed).isRegularFile();
        try (FakeDmp dmp = FakeDmpLauncher.start(new String[] {"--port", "0", "--seed", seed.toString(),
                "--validation", "lenient", "--credentials-dir", credentials.toString()});
             DmpClient client = DmpClient.builder().endpoint(dmp.baseUri())
                     .credentials(dmp.credentials(FakeProfessional.doctor("899700218896")))
                     .software("SeedExampleTest", "1", "TEST").build()) {
            assertThat(dmp.validation()).isEqualTo(Validation.LENIENT);
            assertThat(dmp.baseUri().getScheme()).isEqualTo("https");
            assertThat(Files.list(credentials)).isNotEmpty();
            AccessStatus open = client.access(Ins.nir("279119913400976"), AccessMode.NORMAL);
            assertThat(open.state()).isEqualTo(DmpState.OPEN);
            assertThat(client.access(Ins.nir("180017512345660"), AccessMode.NORMAL).state())
                    .isEqualTo(DmpState.CLOSED);
            assertThat(client.access(Ins.nir("255069935012310"), AccessMode.NORMAL).state())
                    .isEqualTo(DmpState.NONE);
        }
    }
}
