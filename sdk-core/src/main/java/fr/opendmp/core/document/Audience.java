package fr.opendmp.core.document;

/** Who a document can be made invisible to with {@code setVisibility} (TD3.3b). */
public enum Audience {
    /** The patient (and Mon espace santé). */
    PATIENT(Visibility.INVISIBLE_PATIENT),
    /** The legal representatives of a minor patient. */
    LEGAL_REPRESENTATIVES(Visibility.INVISIBLE_REPRESENTANTS_LEGAUX);

    private final Visibility hiddenFlag;

    Audience(Visibility hiddenFlag) {
        this.hiddenFlag = hiddenFlag;
    }

    /** @return the flag that hides a document from this audience */
    public Visibility hiddenFlag() {
        return hiddenFlag;
    }
}
