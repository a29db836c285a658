package fr.opendmp.core.access;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DMP's administrative data (DMPi TD1.3a): its state, the patient's oppositions to emergency
 * access, contact data and legal representatives. Contact data are the DMP's, for display after an
 * identity check, never to identify the patient; {@link #toString()} masks them.
 *
 * @param state open, closed or none
 * @param closure why and when it was closed, if it is
 * @param oppositionBrisDeGlace whether the patient opposed bris de glace access
 * @param oppositionAccesUrgence whether the patient opposed access by a regulation centre (centre 15)
 * @param deceased whether the patient is deceased, when the DMP says
 * @param address the patient's address, if given
 * @param telecoms the patient's telecom URIs ({@code tel:}, {@code mailto:})
 * @param legalRepresentatives the legal representatives of a minor
 */
public record DmpAdministrativeData(DmpState state, Optional<Closure> closure, boolean oppositionBrisDeGlace,
        boolean oppositionAccesUrgence, Optional<Boolean> deceased, Optional<Address> address, List<String> telecoms,
        List<LegalRepresentative> legalRepresentatives) {

    /**
     * Checks and copies every part.
     *
     * @param state the state
     * @param closure the closure
     * @param oppositionBrisDeGlace the opposition bris de glace
     * @param oppositionAccesUrgence the opposition acces urgence
     * @param deceased the deceased
     * @param address the address
     * @param telecoms the telecoms
     * @param legalRepresentatives the legal representatives
     */
    public DmpAdministrativeData {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(closure, "closure");
        Objects.requireNonNull(deceased, "deceased");
        Objects.requireNonNull(address, "address");
        telecoms = List.copyOf(telecoms);
        legalRepresentatives = List.copyOf(legalRepresentatives);
    }

    /** @return the state and oppositions; contact data masked */
    @Override
    public String toString() {
        return "DmpAdministrativeData[" + state + ", opposition bris de glace " + oppositionBrisDeGlace
                + ", opposition centre 15 " + oppositionAccesUrgence + ", contact ***, legal representatives "
                + legalRepresentatives.size() + "]";
    }

    /**
     * A postal address. {@link #toString()} masks it.
     *
     * @param lines the street lines
     * @param postalCode the postal code, if given
     * @param city the city, if given
     */
    public record Address(List<String> lines, Optional<String> postalCode, Optional<String> city) {
        /**
         * Checks and copies every part.
         *
         * @param lines the lines
         * @param postalCode the postal code
         * @param city the city
         */
        public Address {
            lines = List.copyOf(lines);
            Objects.requireNonNull(postalCode, "postalCode");
            Objects.requireNonNull(city, "city");
        }

        @Override
        public String toString() {
            return "Address[***]";
        }
    }

    /**
     * A legal representative. {@link #toString()} masks the name and contact data.
     *
     * @param relationship the HL7 relationship code (e.g. {@code FTH}, {@code MTH})
     * @param familyName the name, if given
     * @param givenName the first name, if given
     * @param address the address, if given
     * @param telecoms the telecom URIs
     */
    public record LegalRepresentative(String relationship, Optional<String> familyName, Optional<String> givenName,
            Optional<Address> address, List<String> telecoms) {
        /**
         * Checks and copies every part.
         *
         * @param relationship the relationship
         * @param familyName the family name
         * @param givenName the given name
         * @param address the address
         * @param telecoms the telecoms
         */
        public LegalRepresentative {
            Objects.requireNonNull(relationship, "relationship");
            Objects.requireNonNull(familyName, "familyName");
            Objects.requireNonNull(givenName, "givenName");
            Objects.requireNonNull(address, "address");
            telecoms = List.copyOf(telecoms);
        }

        @Override
        public String toString() {
            return "LegalRepresentative[" + relationship + ", ***]";
        }
    }
}
