#!/usr/bin/env bash
# A non-Java DMPi client against the fake in verified mode: mint a VIHF through the admin API,
# then run TD0.2 and an ITI-18 FindDocuments with curl. Usage: curl-td02-and-search.sh CREDENTIALS_DIR ADMIN_URL DMPI_URL INS
set -euo pipefail
DIR=$1; ADMIN=$2; DMPI=$3; INS=$4
TLS=(--silent --show-error --cacert "$DIR/ca.pem" --cert "$DIR/client-cert.pem" --key "$DIR/client-key.pem")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# 1. a VIHF for the test professional of the launcher's structure and this patient
curl "${TLS[@]}" --fail -H "X-OpenDMP-Admin-Token: $(cat "$DIR/admin-token")" -H 'Content-Type: application/json' \
  -d "{\"idNatPs\":\"899700366240\",\"patientIns\":\"$INS\"}" "$ADMIN/vihf" | sed -e 's/<?xml[^>]*?>//' > "$WORK/vihf.xml"

envelope() { # action body-file
  printf '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:wsa="http://www.w3.org/2005/08/addressing"><soap:Header>'
  printf '<wsa:MessageID>urn:uuid:%s</wsa:MessageID><wsa:Action soap:mustUnderstand="1">%s</wsa:Action>' "$(cat /proc/sys/kernel/random/uuid)" "$1"
  printf '<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">'
  cat "$WORK/vihf.xml"
  printf '</wsse:Security></soap:Header><soap:Body>'
  cat "$2"
  printf '</soap:Body></soap:Envelope>'
}

# 2. TD0.2
cat > "$WORK/td02.xml" <<XML
<hl7:PRPA_IN201307UV02 xmlns:hl7="urn:hl7-org:v3" ITSVersion="XML_1.0"><hl7:id root="1.3.6.1.4.1.99999.1.1" extension="curl-1"/>
<hl7:interactionId root="2.16.840.1.113883.1.6" extension="PRPA_IN201307UV02"/><hl7:controlActProcess classCode="CACT" moodCode="EVN">
<hl7:reasonCode code="TEST_EXST" codeSystem="1.2.250.1.213.1.1.4.11"/><hl7:queryByParameter><hl7:parameterList><hl7:patientIdentifier>
<hl7:value root="1.2.250.1.213.1.4.8" extension="$INS"/></hl7:patientIdentifier></hl7:parameterList></hl7:queryByParameter>
</hl7:controlActProcess></hl7:PRPA_IN201307UV02>
XML
ACTION=urn:hl7-org:v3:PRPA_IN201307UV02
envelope "$ACTION" "$WORK/td02.xml" > "$WORK/td02-env.xml"
curl "${TLS[@]}" -H "Content-Type: application/soap+xml; charset=UTF-8; action=\"$ACTION\"" --data-binary @"$WORK/td02-env.xml" \
  "$DMPI/patients" > "$WORK/td02-answer.xml"
grep -q 'acknowledgement typeCode="AA"' "$WORK/td02-answer.xml" || { echo "TD0.2 failed"; cat "$WORK/td02-answer.xml"; exit 1; }
grep -q 'queryResponseCode code="OK"' "$WORK/td02-answer.xml" || { echo "TD0.2: no DMP"; exit 1; }
echo "TD0.2 OK"

# 3. ITI-18 FindDocuments
cat > "$WORK/find.xml" <<XML
<query:AdhocQueryRequest xmlns:query="urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0" xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">
<query:ResponseOption returnComposedObjects="true" returnType="LeafClass"/><rim:AdhocQuery id="urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d">
<rim:Slot name="\$XDSDocumentEntryPatientId"><rim:ValueList><rim:Value>'$INS^^^&amp;1.2.250.1.213.1.4.8&amp;ISO^NH'</rim:Value></rim:ValueList></rim:Slot>
<rim:Slot name="\$XDSDocumentEntryStatus"><rim:ValueList><rim:Value>('urn:oasis:names:tc:ebxml-regrep:StatusType:Approved')</rim:Value></rim:ValueList></rim:Slot>
</rim:AdhocQuery></query:AdhocQueryRequest>
XML
ACTION=urn:ihe:iti:2007:RegistryStoredQuery
envelope "$ACTION" "$WORK/find.xml" > "$WORK/find-env.xml"
curl "${TLS[@]}" -H "Content-Type: application/soap+xml; charset=UTF-8; action=\"$ACTION\"" --data-binary @"$WORK/find-env.xml" \
  "$DMPI/registry" > "$WORK/find-answer.xml"
grep -q 'ResponseStatusType:Success' "$WORK/find-answer.xml" || { echo "ITI-18 failed"; cat "$WORK/find-answer.xml"; exit 1; }
echo "ITI-18 OK"
