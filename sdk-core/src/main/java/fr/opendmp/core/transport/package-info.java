/**
 * The transport SPI: a {@code DmpClient} turns each operation into a call of its
 * {@link fr.opendmp.core.transport.DmpOperations}, opened from a
 * {@link fr.opendmp.core.transport.DmpTransport}: {@link fr.opendmp.core.transport.FhirTransport}
 * here, the DMPi transport in sdk-xds. Also the settings every transport shares: the
 * {@link fr.opendmp.core.transport.RetryPolicy}, the {@link fr.opendmp.core.transport.Sleeper} and
 * the {@link fr.opendmp.core.transport.TransportContext}. Implementations live in
 * {@code internal} packages.
 */
package fr.opendmp.core.transport;
