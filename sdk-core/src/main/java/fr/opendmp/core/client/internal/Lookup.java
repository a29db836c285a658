package fr.opendmp.core.client.internal;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.client.DmpException;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.transport.fhir.SearchsetReader;
import fr.opendmp.core.transport.http.HttpResult;
import java.io.IOException;
import java.util.Optional;

/** Finds a document by uniqueId (TD3.1b) and reads search pages. Not API. */
public final class Lookup {

    private final DmpCalls calls;

    /** @param calls the call builder */
    public Lookup(DmpCalls calls) {
        this.calls = calls;
    }

    /** @return the document with this uniqueId in the patient's DMP, if any */
    public Optional<DocumentEntry> byUniqueId(Ins ins, String uniqueId, AccessContext access) {
        SearchsetReader.Page page = page("find a document by uniqueId", QueryEncoder.byUniqueId(ins, uniqueId), ins,
                access);
        return page.entries().stream().filter(e -> e.uniqueId().equals(uniqueId)).findFirst()
                .map(e -> e.withPatient(ins));
    }

    /** @return one searchset page (the URL is relative to the base or absolute on the same origin) */
    public SearchsetReader.Page page(String operation, String url, Ins ins, AccessContext access) {
        HttpResult r = calls.call(operation, "GET", calls.resolve(url), ins, access, Optional.empty(), "",
                "application/fhir+json", true, calls.config().maxResponseBytes());
        try {
            return SearchsetReader.read(r.body());
        } catch (IOException e) {
            throw Errors.malformed("the DMP's searchset could not be read (malformed or truncated JSON)", r, e);
        } catch (DmpException e) {
            throw DmpCalls.withRequestId(e, r);
        }
    }
}
