/**
 * A fake Pro Santé Connect (OIDC and CIBA) on loopback: discovery on the wallet path, authorize,
 * token, CIBA, userinfo, introspection and JWKS, with RS256 tokens for seeded professionals and
 * scripted CIBA scenarios.
 */
package fr.opendmp.testkit.psc;
