/**
 * Pro Santé Connect: discovery on the wallet path, OIDC authorization code with PKCE, CIBA
 * (e-CPS push) in poll mode, refresh, userinfo as a typed {@link fr.opendmp.auth.psc.PsIdentity},
 * and a token cache ({@link fr.opendmp.auth.psc.PscSession}).
 */
package fr.opendmp.auth.psc;
