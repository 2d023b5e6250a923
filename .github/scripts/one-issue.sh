#!/usr/bin/env bash
# Keep at most one open issue per label, for reports that scheduled workflows make:
#
#   one-issue.sh open  LABEL TITLE BODY_FILE   create the issue, or replace the title and body of the open one
#   one-issue.sh close LABEL COMMENT           close the open issue (if there is one) with a comment
#
# Uses the gh CLI with GH_TOKEN and GH_REPO from the environment; the job needs `issues: write`.
set -euo pipefail

usage() {
  echo "usage: $0 open LABEL TITLE BODY_FILE | close LABEL COMMENT" >&2
  exit 2
}

[ $# -ge 2 ] || usage
mode=$1
label=$2

open_issue() {
  gh issue list --label "$label" --state open --limit 1 --json number --jq '.[0].number // empty'
}

case "$mode" in
  open)
    [ $# -eq 4 ] || usage
    title=$3
    body_file=$4
    # Create the label the first time, so that the issue can be found again next run.
    gh label create "$label" --color d93f0b --description "Öppnas och uppdateras av ett schemalagt arbetsflöde" \
      --force >/dev/null
    number="$(open_issue)"
    if [ -n "$number" ]; then
      gh issue edit "$number" --title "$title" --body-file "$body_file" >/dev/null
      echo "Uppdaterade ärende #$number."
    else
      gh issue create --title "$title" --body-file "$body_file" --label "$label"
    fi
    ;;
  close)
    [ $# -eq 3 ] || usage
    comment=$3
    number="$(open_issue)"
    if [ -n "$number" ]; then
      gh issue close "$number" --comment "$comment" >/dev/null
      echo "Stängde ärende #$number."
    else
      echo "Inget öppet ärende med etiketten $label."
    fi
    ;;
  *)
    usage
    ;;
esac
