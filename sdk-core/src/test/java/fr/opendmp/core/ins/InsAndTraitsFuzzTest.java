package fr.opendmp.core.ins;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.fuzz.HostileInputs;
import fr.opendmp.core.fuzz.Verdict;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile INS, NIR, NIA and traits typed by a user or read from a peer (issue 19): parsing and
 * normalisation accept or throw their documented typed exception in bounded time, and the message
 * never quotes what was typed.
 */
class InsAndTraitsFuzzTest {

    @Provide
    Arbitrary<String> matricules() {
        Arbitrary<String> nearValid = Arbitraries.of("279119913400976", "2790351215189 89", "283072A04110514",
                "191012B09602471", "1 02 05 97 302 101 83", "168124912307861").flatMap(valid -> Arbitraries.oneOf(
                        Arbitraries.integers().between(0, valid.length()).map(n -> valid.substring(0, n)),
                        Combinators.combine(Arbitraries.integers().between(0, valid.length() - 1),
                                Arbitraries.chars().all()).as((at, c) -> valid.substring(0, at) + c
                                        + valid.substring(at + 1))));
        return Arbitraries.oneOf(nearValid, HostileInputs.hostileText());
    }

    @Property
    void aHostileMatriculeParsesOrIsAnInvalidMatriculeNamingTheRuleNotTheDigits(@ForAll("matricules") String text) {
        boolean valid = InsMatricule.isValid(text);
        var thrown = Verdict.typedOrSuccess("InsMatricule.parse", () -> InsMatricule.parse(text),
                InvalidMatriculeException.class);
        assertThat(thrown.isEmpty()).as("isValid agrees with parse").isEqualTo(valid);
        Verdict.typedOrSuccess("Ins.nia", () -> Ins.nia(text), InvalidMatriculeException.class);
        Verdict.typedOrSuccess("Ins.fromFhirToken", () -> Ins.fromFhirToken("urn:oid:1.2.250.1.213.1.4.8|" + text),
                IllegalArgumentException.class);
        Verdict.typedOrSuccess("Ins.fromFhirToken", () -> Ins.fromFhirToken(text), IllegalArgumentException.class);
    }

    @Property
    void hostileTraitsNormaliseOrAreAnInvalidTrait(@ForAll("texts") String name, @ForAll("texts") String firstNames,
            @ForAll("texts") String date, @ForAll("texts") String place) {
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

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(HostileInputs.hostileText(),
                Arbitraries.of("TESTDMP", "DE L'ISLE", "PIERRE-ALAIN JEAN", "1979-11-13", "1960-00-00", "2B033",
                        "99134", "Müller", "O\u2019NEIL", "  ", "--", "''"));
    }
}
