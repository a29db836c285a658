package fr.opendmp.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** The budget, the seed and the failure report shared by every hostile-input property. */
class FuzzTest {

    /** QuickTheories draws the budget and skips a draw it already ran, so a wide range runs nearly all. */
    @Test
    void aPassingPropertyRunsOnTheBudgetOfInputsLessExactRepeats() {
        Set<Integer> inputs = new HashSet<>();
        AtomicInteger runs = new AtomicInteger();
        Fuzz.theory().forAll(Generate.range(0, 1_000_000)).checkAssert(i -> {
            runs.incrementAndGet();
            inputs.add(i);
        });
        assertThat(runs.get()).isEqualTo(inputs.size()).isBetween(Fuzz.TRIES * 9 / 10, Fuzz.TRIES);
    }

    @Test
    void theSameSeedDrawsTheSameInputs() {
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        List<Integer> otherSeed = new ArrayList<>();
        byte[] valid = "<r><a>1</a><b x=\"2\"/></r>".getBytes(StandardCharsets.UTF_8);
        Fuzz.theory(42).forAll(HostileInputs.xmlAround(valid)).checkAssert(b -> first.add(Arrays.hashCode(b)));
        Fuzz.theory(42).forAll(HostileInputs.xmlAround(valid)).checkAssert(b -> second.add(Arrays.hashCode(b)));
        Fuzz.theory(43).forAll(HostileInputs.xmlAround(valid)).checkAssert(b -> otherSeed.add(Arrays.hashCode(b)));
        assertThat(second).hasSizeGreaterThan(Fuzz.TRIES / 2).isEqualTo(first).isNotEqualTo(otherSeed);
    }

    @Test
    void aFailureGivesTheFlagsThatReplayItAndItsCause() {
        assertThatThrownBy(() -> Fuzz.theory(7).forAll(Generate.range(0, 1_000_000)).checkAssert(i -> {
            throw new IllegalStateException("found " + i);
        })).isInstanceOf(AssertionError.class)
                .hasMessageContaining("-Dopendmp.fuzz.seed=7 -Dopendmp.fuzz.tries=" + Fuzz.TRIES)
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailingInputIsShownByItsSizeAndBeginningNotWhole() {
        String shown = Fuzz.shown(HostileInputs.xmlOfSize(2_000_000));
        assertThat(shown).startsWith("2000014 bytes: <r><!--aaa").hasSizeLessThan(400);
    }
}
