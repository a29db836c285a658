package fr.opendmp.bench.deposit;

import fr.opendmp.bench.fixture.CdaFixtures;
import fr.opendmp.bench.fixture.SeededFake;
import fr.opendmp.cda.build.CdaDocuments;
import fr.opendmp.cda.metadata.CdaMetadata;
import fr.opendmp.cda.read.CdaParseException;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.bench.fixture.CapturedRequest;
import fr.opendmp.bench.fixture.RecordingProxy;
import fr.opendmp.testkit.dmp.FakePatient;

/**
 * What figure 5 deposits: an N1 CDA wrapping a PDF of the given size, its metadata derived from
 * the header, sent as an ITI-65 transaction (a folder makes a one-document deposit an ITI-65
 * submission rather than an ITI-105 one); and the same request captured for the raw POST.
 */
public final class DepositFixture implements AutoCloseable {

    private final SeededFake seeded;
    private final byte[] cda;
    private final Deposit deposit;
    private final CapturedRequest rawPost;

    /**
     * @param pdfBytes the PDF's size
     */
    public DepositFixture(int pdfBytes) {
        this.seeded = SeededFake.start(0, 0, 4);
        this.cda = CdaDocuments.n1Pdf(CdaFixtures.header(), CdaFixtures.pdf(pdfBytes)).toBytes();
        DocumentMetadata metadata;
        try {
            metadata = CdaMetadata.derive(CdaReader.read(cda));
        } catch (CdaParseException e) {
            throw new IllegalStateException("the built N1 cannot be read back", e);
        }
        this.deposit = Deposit.builder().patient(CdaFixtures.patient()).document(metadata, cda)
                .folder("Benchmark").build();
        resetFake();
        try (RecordingProxy proxy = RecordingProxy.inFrontOf(seeded.fake().baseUri());
                DmpClient viaProxy = SeededFake.client(proxy.baseUri())) {
            viaProxy.documents().deposit(deposit);
            this.rawPost = proxy.last();
        }
        if (!rawPost.method().equals("POST")) {
            throw new IllegalStateException("the SDK's last request was not the deposit");
        }
        resetFake();
    }

    /** Empties the fake (each deposit must find its uniqueId free) and seeds the patient again. */
    public void resetFake() {
        seeded.fake().reset();
        seeded.fake().seedProfessional(SeededFake.DOCTOR);
        seeded.fake().seedPatient(FakePatient.open(CdaFixtures.ins().value()));
    }

    /** @return the fake */
    public SeededFake seeded() {
        return seeded;
    }

    /** @return the N1 CDA bytes */
    public byte[] cda() {
        return cda.clone();
    }

    /** @return the N1 CDA size in bytes */
    public int cdaSize() {
        return cda.length;
    }

    /** @return the deposit */
    public Deposit deposit() {
        return deposit;
    }

    /** @return the SDK's ITI-65 POST as captured */
    public CapturedRequest rawPost() {
        return rawPost;
    }

    @Override
    public void close() {
        seeded.close();
    }
}
