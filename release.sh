#!/usr/bin/env bash
# Produces every release artifact of OpenDMP and its SHA-256 checksums in target/release/.
#
#   ./release.sh 0.2.0                 set every pom to 0.2.0, build and test, collect
#   ./release.sh 0.2.0 -DskipTests     extra arguments go to Maven
#   ./release.sh --set-version 0.3.0-SNAPSHOT   only set the version in every pom (after the tag)
#
# Offline by default (no network: every repository mirrored to a closed local port): run once with
# RELEASE_ONLINE=1 on a machine whose local Maven repository lacks the build's plugins or dependencies. Signs with gpg when a secret key is
# available (GPG_KEYNAME chooses it), otherwise says so and leaves the artifacts unsigned.
# Never installs or deploys anything. Steps around it: docs/RELEASING.md.
set -euo pipefail
cd "$(dirname "$0")"

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[[ $# -ge 1 ]] || usage

current_version() {
    sed -n '0,/<artifactId>opendmp-parent<\/artifactId>/d; s#^  <version>\(.*\)</version>#\1#p' pom.xml | head -1
}

# Every pom of the project names the project's version literally (parent references, the BOM,
# the consumer project's opendmp.version): replace it everywhere at once.
set_version() {
    local from="$1" to="$2"
    [[ "$from" == "$to" ]] && return 0
    local poms
    poms=$(git ls-files '*pom.xml' 2>/dev/null || find . -name pom.xml -not -path '*/target/*')
    for f in $poms; do
        sed -i "s#<version>${from//./\\.}</version>#<version>${to}</version>#g; s#<opendmp.version>${from//./\\.}</opendmp.version>#<opendmp.version>${to}</opendmp.version>#g" "$f"
    done
    echo "version: $from -> $to in $(echo $poms | wc -w) poms"
}

if [[ "$1" == "--set-version" ]]; then
    [[ $# -eq 2 ]] || usage
    set_version "$(current_version)" "$2"
    exit 0
fi
[[ "$1" == -* ]] && usage

VERSION="$1"; shift
if ! [[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[A-Za-z0-9.]+)?$ ]]; then
    echo "release.sh: '$VERSION' is not a version (e.g. 0.2.0)" >&2; exit 2
fi
set_version "$(current_version)" "$VERSION"
[[ "$(current_version)" == "$VERSION" ]] || { echo "release.sh: version not set" >&2; exit 1; }

MVN=(mvn -B)
if [[ "${RELEASE_ONLINE:-0}" != "1" ]]; then
    # No network, but not `mvn -o`: the CycloneDX goals declare requiresOnline and Maven skips them
    # offline. Every repository is mirrored to an address that refuses connections instead: what is
    # in the local repository resolves, anything missing fails the build.
    NONET="$(mktemp "${TMPDIR:-/tmp}/opendmp-release-settings.XXXXXX")"
    trap 'rm -f "$NONET"' EXIT
    cat > "$NONET" <<'XML'
<settings>
  <mirrors>
    <mirror>
      <id>central</id>
      <mirrorOf>*</mirrorOf>
      <url>http://127.0.0.1:9/no-network-during-release</url>
    </mirror>
  </mirrors>
</settings>
XML
    MVN+=(-gs "$NONET")
fi
# Reproducible archives: entries dated from the commit being released.
if TS=$(git log -1 --format=%cI 2>/dev/null) && [[ -n "$TS" ]]; then
    MVN+=("-Dproject.build.outputTimestamp=$TS")
fi
SIGN=0
if command -v gpg >/dev/null 2>&1 && gpg --list-secret-keys ${GPG_KEYNAME:+"$GPG_KEYNAME"} 2>/dev/null | grep -q '^sec'; then
    SIGN=1
    MVN+=(-Psign)
    [[ -n "${GPG_KEYNAME:-}" ]] && MVN+=("-Dgpg.keyname=$GPG_KEYNAME")
    echo "signing with gpg${GPG_KEYNAME:+ key $GPG_KEYNAME}"
else
    echo "no gpg secret key: the artifacts are not signed (see docs/RELEASING.md)"
fi

"${MVN[@]}" clean verify "$@"

OUT=target/release
rm -rf "$OUT"; mkdir -p "$OUT"
copy() {   # copy FILE [NAME]: the file and its signature, if any
    local src="$1" name="${2:-$(basename "$1")}"
    [[ -f "$src" ]] || { echo "release.sh: missing $src" >&2; exit 1; }
    cp "$src" "$OUT/$name"
    if [[ -f "$src.asc" ]]; then cp "$src.asc" "$OUT/$name.asc"; fi
}

# The parent pom (every module inherits it) and the BOM.
copy pom.xml "opendmp-parent-$VERSION.pom"
copy opendmp-bom/pom.xml "opendmp-bom-$VERSION.pom"
[[ -f "target/opendmp-parent-$VERSION.pom.asc" ]] && cp "target/opendmp-parent-$VERSION.pom.asc" "$OUT/opendmp-parent-$VERSION.pom.asc"
[[ -f "opendmp-bom/target/opendmp-bom-$VERSION.pom.asc" ]] && cp "opendmp-bom/target/opendmp-bom-$VERSION.pom.asc" "$OUT/opendmp-bom-$VERSION.pom.asc"

# Every published module of the reactor: jar, sources, javadoc, pom, CycloneDX SBOM.
modules=$(sed -n 's#.*<module>\(.*\)</module>.*#\1#p' pom.xml | grep -vx 'examples\|bench\|opendmp-bom')
for m in $modules; do
    t="$m/target"
    copy "$t/$m-$VERSION.jar"
    copy "$t/$m-$VERSION-sources.jar"
    copy "$t/$m-$VERSION-javadoc.jar"
    copy "$t/$m-$VERSION-cyclonedx.json"
    copy "$m/pom.xml" "$m-$VERSION.pom"
    [[ -f "$t/$m-$VERSION.pom.asc" ]] && cp "$t/$m-$VERSION.pom.asc" "$OUT/$m-$VERSION.pom.asc"
done
# The runnable fake DMP, published as sdk-testkit's fake-dmp classifier.
copy sdk-testkit/target/opendmp-fake-dmp.jar "sdk-testkit-$VERSION-fake-dmp.jar"
cp LICENSE NOTICE CHANGELOG.md "$OUT/"

(cd "$OUT" && sha256sum -- * > SHA256SUMS)
if [[ $SIGN == 1 ]]; then
    gpg --batch --yes --armor --detach-sign ${GPG_KEYNAME:+--local-user "$GPG_KEYNAME"} "$OUT/SHA256SUMS"
fi
(cd "$OUT" && sha256sum --quiet -c SHA256SUMS)
echo "release $VERSION: $(ls "$OUT" | wc -l) files in $OUT"
ls -l "$OUT"
