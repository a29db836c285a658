package fr.opendmp.core.ins;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.fuzz.Fuzz;
import fr.opendmp.core.fuzz.HostileInputs;
import fr.opendmp.core.fuzz.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile INS, NIR, NIA and traits typed by a user or read from a peer (issue 19): parsing and
 * normalisation accept or throw their documented typed exception in bounded time, and the message
 * never quotes what was typed.
 */
class InsAndTraitsFuzzTest {

    private static Gen<String> matricules() {
        Gen<String> nearValid = Generate.pick(List.of("279119913400976", "2790351215189 89", "283072A04110514",
                "191012B09602471", "1 02 05 97 302 101 83", "168124912307861")).flatMap(valid -> HostileInputs.oneOf(
                        List.of(Generate.range(0, valid.length()).map(n -> valid.substring(0, n)),
                                Generate.range(0, valid.length() - 1).zip(Generate.characters(Character.MIN_VALUE,
                                        Character.MAX_VALUE), (at, c) -> valid.substring(0, at) + c
                                                + valid.substring(at + 1)))));
        return HostileInputs.oneOf(List.of(nearValid, HostileInputs.hostileText()));
    }

    @Test
    void aHostileMatriculeParsesOrIsAnInvalidMatriculeNamingTheRuleNotTheDigits() {
        Fuzz.theory().forAll(matricules()).checkAssert(InsAndTraitsFuzzTest::matriculeParsesOrIsRefused);
    }

    private static void matriculeParsesOrIsRefused(String text) {
        boolean valid = InsMatricule.isValid(text);
        var thrown = Verdict.typedOrSuccess("InsMatricule.parse", () -> InsMatricule.parse(text),
                InvalidMatriculeException.class);
        assertThat(thrown.isEmpty()).as("isValid agrees with parse").isEqualTo(valid);
        Verdict.typedOrSuccess("Ins.nia", () -> Ins.nia(text), InvalidMatriculeException.class);
        Verdict.typedOrSuccess("Ins.fromFhirToken", () -> Ins.fromFhirToken("urn:oid:1.2.250.1.213.1.4.8|" + text),
                IllegalArgumentException.class);
        Verdict.typedOrSuccess("Ins.fromFhirToken", () -> Ins.fromFhirToken(text), IllegalArgumentException.class);
    }

    @Test
    void hostileTraitsNormaliseOrAreAnInvalidTrait() {
        Fuzz.theory().forAll(texts(), texts(), texts(), texts())
                .checkAssert(InsAndTraitsFuzzTest::traitsNormaliseOrAreRefused);
    }

    private static void traitsNormaliseOrAreRefused(String name, String firstNames, String date, String place) {
        Verdict.typedOrSuccess("name", () -> TraitNormalization.name(Trait.BIRTH_NAME, name),
                InvalidTraitException.class);
        Verdict.typedOrSuccess("first names", () -> TraitNormalization.firstNameList(firstNames),
                InvalidTraitException.class);
        Verdict.typedOrSuccess("birth date", () -> TraitNormalization.birthDate(date), InvalidTraitException.class);
        Verdict.typedOrSuccess("birth place", () -> TraitNormalization.birthPlace(place),
                InvalidTraitException.class);
        Verdict.typedOrSuccess("traits", () -> IdentityTraits.builder().birthName(name).birthFirstNames(firstNames)
                .birthDate(date).sex(Sex.F).birthPlaceCode(place).build().strict(), InvalidTraitException.class);
    }

    private static Gen<String> texts() {
        return HostileInputs.oneOf(List.of(HostileInputs.hostileText(),
                Generate.pick(List.of("TESTDMP", "DE L'ISLE", "PIERRE-ALAIN JEAN", "1979-11-13", "1960-00-00", "2B033",
                        "99134", "Müller", "O\u2019NEIL", "  ", "--", "''"))));
    }
}
