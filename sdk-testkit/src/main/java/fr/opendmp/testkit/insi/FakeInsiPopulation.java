package fr.opendmp.testkit.insi;

import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import java.util.List;
import java.util.Optional;

/**
 * The fake INSi's default population: fictitious people (test OID {@code 1.2.250.1.213.1.4.10},
 * keys computed by {@link InsMatricule#computeKey}) chosen to exercise every INSi answer case seen in the field (INS implementation guide).
 * Tests refer to them by these constants, never by their names.
 */
public final class FakeInsiPopulation {

    /** A plain patient born in France (Angers), two birth first names: the happy path. */
    public static final InsiPerson ORDINARY = InsiPerson.builder().birthName("MARTIN")
            .firstNames("CAMILLE SOPHIE").sex("F").birthDate("1987-10-12").birthPlace("49007").order("123").build();

    /** Homonym 1: same name, first name, sex and date as {@link #HOMONYM_B}, born in Paris. */
    public static final InsiPerson HOMONYM_A = InsiPerson.builder().birthName("DUPONT").firstNames("JEAN")
            .sex("M").birthDate("1975-03-14").birthPlace("75056").order("201").build();

    /** Homonym 2: born in Lyon. Without a birth place, INSi answers CR 02. */
    public static final InsiPerson HOMONYM_B = InsiPerson.builder().birthName("DUPONT").firstNames("JEAN")
            .sex("M").birthDate("1975-03-14").birthPlace("69123").order("202").build();

    /** Twin 1 (rank 1): same name, date and place as {@link #TWIN_2}. */
    public static final InsiPerson TWIN_1 = InsiPerson.builder().birthName("LEFEBVRE").firstNames("LEA MARIE")
            .sex("F").birthDate("2015-06-02").birthPlace("33063").order("301").twinRank(1).build();

    /** Twin 2 (rank 2). */
    public static final InsiPerson TWIN_2 = InsiPerson.builder().birthName("LEFEBVRE").firstNames("CHLOE ANNE")
            .sex("F").birthDate("2015-06-02").birthPlace("33063").order("302").twinRank(2).build();

    /** Born abroad (Portugal, 99139), compound name with a space. */
    public static final InsiPerson FOREIGN_BORN = InsiPerson.builder().birthName("DA SILVA")
            .firstNames("HELENE MARIA").sex("F").birthDate("1982-11-23").birthPlace("99139").order("044").build();

    /** A NIA patient (OID 1.2.250.1.213.1.4.9), born in Germany; local records write MÜLLER. */
    public static final InsiPerson NIA_PATIENT = InsiPerson.builder().birthName("MULLER").firstNames("ANNA")
            .sex("F").birthDate("1998-04-30").birthPlace("99109").order("517").oid(InsOid.NIA).build();

    /** The NIA this patient had before the NIR of {@link #MATRICULE_HISTORY}. */
    private static final Ins FORMER_NIA = Ins.of(InsiPerson.Builder.matricule("M", "1990-07-15", "99350", null, "777"),
            InsOid.NIA);

    /** Born in Morocco; had a NIA (now in INSHISTO), then a NIR (active). */
    public static final InsiPerson MATRICULE_HISTORY = InsiPerson.builder().birthName("EL AMRANI")
            .firstNames("YOUSSEF").sex("M").birthDate("1990-07-15").birthPlace("99350").order("088")
            .former(new InsiPerson.Former(FORMER_NIA, Optional.of("2010-01-04"), Optional.of("2012-06-30"))).build();

    /** Born in Corsica (Bastia, 2B033); compound first name with a hyphen. */
    public static final InsiPerson CORSICA_BORN = InsiPerson.builder().birthName("CASANOVA")
            .firstNames("PIERRE-ALAIN JEAN").sex("M").birthDate("1980-03-21").birthPlace("2B033").order("040")
            .build();

    /** Apostrophes and spaces in the birth name (local records write a typographic apostrophe). */
    public static final InsiPerson APOSTROPHE_NAME = InsiPerson.builder().birthName("DE L'ISLE")
            .firstNames("MARIE-CLAIRE").sex("F").birthDate("1965-09-01").birthPlace("49007").order("311").build();

    /** Born overseas (La Réunion, 97411). */
    public static final InsiPerson OVERSEAS_BORN = InsiPerson.builder().birthName("PAYET").firstNames("JEAN-LUC")
            .sex("M").birthDate("1970-01-20").birthPlace("97411").order("122").build();

    /** Non-calendar birth date (day and month unknown): {@code 1960-00-00}, month 20 in the matricule. */
    public static final InsiPerson UNKNOWN_BIRTH_DAY = InsiPerson.builder().birthName("BENALI")
            .firstNames("FATIMA").sex("F").birthDate("1960-00-00").birthPlace("99350").matriculeMonth("20")
            .order("012").build();

    /** Traits of a person INSi does not know (a foreign visitor): every search answers CR 01. */
    public static final IdentityTraits UNKNOWN_TO_INSI = IdentityTraits.builder().birthName("MARCHAND")
            .birthFirstNames("LUCIE").sex("F").birthDate("2001-05-05").birthPlaceCode("44109").build();

    private FakeInsiPopulation() {
    }

    /** @return every seeded person of the default population */
    public static List<InsiPerson> all() {
        return List.of(ORDINARY, HOMONYM_A, HOMONYM_B, TWIN_1, TWIN_2, FOREIGN_BORN, NIA_PATIENT,
                MATRICULE_HISTORY, CORSICA_BORN, APOSTROPHE_NAME, OVERSEAS_BORN, UNKNOWN_BIRTH_DAY);
    }
}
