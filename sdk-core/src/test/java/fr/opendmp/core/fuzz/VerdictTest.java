package fr.opendmp.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The verdict of every hostile-input property can fail: each way a parser may misbehave is caught. */
class VerdictTest {

    @Test
    void anUntypedExceptionFailsTheVerdict() {
        assertThatThrownBy(() -> Verdict.typedOrSuccess("npe", () -> {
            throw new NullPointerException();
        }, IllegalArgumentException.class)).isInstanceOf(AssertionError.class).hasMessageContaining("untyped");
    }

    @Test
    void aTypedErrorHidingANullPointerFailsTheVerdict() {
        assertThatThrownBy(() -> Verdict.typedOrSuccess("wrapped", () -> {
            throw new IllegalArgumentException("unusable", new NullPointerException());
        }, IllegalArgumentException.class)).isInstanceOf(AssertionError.class).hasMessageContaining("hides");
    }

    @Test
    void aLibraryFailureNamedByTheCallerMayBeWrappedButNoOtherBugMay() {
        final class BadBase64 extends IllegalStateException {
            private static final long serialVersionUID = 1L;
        }
        assertThat(Verdict.typedOrSuccess("named", () -> {
            throw new IllegalArgumentException("unusable", new java.io.IOException("malformed", new BadBase64()));
        }, BadBase64.class::isInstance, IllegalArgumentException.class)).isPresent();
        assertThatThrownBy(() -> Verdict.typedOrSuccess("other", () -> {
            throw new IllegalArgumentException("unusable", new IllegalStateException());
        }, BadBase64.class::isInstance, IllegalArgumentException.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("hides");
    }

    @Test
    void aTypedErrorQuotingASentinelInItsCauseFailsTheVerdict() {
        assertThatThrownBy(() -> Verdict.typedOrSuccess("quoted", () -> {
            throw new IllegalArgumentException("unusable", new java.io.IOException("token 'TESTDMP'"));
        }, IllegalArgumentException.class)).isInstanceOf(AssertionError.class).hasMessageContaining("TESTDMP");
    }

    @Test
    void aResultPrintingASentinelFailsTheVerdict() {
        record Person(String birthDate) {
        }
        assertThatThrownBy(() -> Verdict.typedOrSuccess("printed", () -> new Person("1979-11-13")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("1979-11-13");
    }

    @Test
    void aHangFailsTheVerdictWithinItsBound() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Verdict.typedOrSuccess(Duration.ofMillis(200), "hang", () -> {
            Thread.sleep(10_000);
            return null;
        })).isInstanceOf(AssertionError.class).hasMessageContaining("no answer");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aTypedErrorOrACleanResultPasses() {
        assertThat(Verdict.typedOrSuccess("typed", () -> {
            throw new IllegalArgumentException("a matricule INS has 15 characters");
        }, IllegalArgumentException.class)).isPresent();
        assertThat(Verdict.typedOrSuccess("clean", () -> "Ins[***]")).isEmpty();
    }

    @Test
    void namesMatchAsWholeWordsAndDigitsAnywhere() {
        assertThat(Sentinels.foundIn("MARTINEZ")).isEmpty();
        assertThat(Sentinels.foundIn("Dr MARTIN")).containsExactly("MARTIN");
        assertThat(Sentinels.foundIn("x279119913400976y")).containsExactly("2791199134009");
    }
}
