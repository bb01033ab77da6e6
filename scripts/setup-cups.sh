#!/usr/bin/env bash
# Makes a machine ready for printer tests and for trying the printer pages without hardware: the CUPS scheduler
# running and a cups-pdf virtual queue (default name PDF) enabled and accepting jobs. Safe to run any number of
# times; when everything is already in place it changes nothing and needs no root.
#
# It never installs packages. Needed: apt-get install cups printer-driver-cups-pdf poppler-utils
#
# It also adds a second virtual queue, an office laser's driver (CUPS's Generic PCL: Letter to A5, no 6-inch photo
# paper, no custom sizes) printing into cups-pdf, on which the photo role must be refused rather than print.
#
# Environment: DOORSTEP_PDF_QUEUE     name of the virtual queue (default PDF)
#              DOORSTEP_OFFICE_QUEUE  name of the office queue (default DoorstepOffice)
set -euo pipefail
export LC_ALL=C LANG=C # lpstat's wording is parsed below

QUEUE="${DOORSTEP_PDF_QUEUE:-PDF}"
OFFICE_QUEUE="${DOORSTEP_OFFICE_QUEUE:-DoorstepOffice}"
OFFICE_MODEL='drv:///sample.drv/generpcl.ppd'
PPD_MODEL='lsb/usr/cups-pdf/CUPS-PDF_opt.ppd'
INSTALL_LINE='apt-get install cups printer-driver-cups-pdf poppler-utils'

die() {
  echo "setup-cups: $*" >&2
  exit 1
}

export PATH="$PATH:/usr/sbin:/sbin" # cupsd, lpadmin, cupsenable live in sbin, often not on a user's PATH
for tool in cupsd lpstat lpadmin cupsenable cupsaccept lp ipptool pdfinfo; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is missing. Install the printing packages: $INSTALL_LINE"
done
[[ -e /usr/lib/cups/backend/cups-pdf ]] || die "the cups-pdf backend is missing. Install: $INSTALL_LINE"

scheduler_running() { [[ "$(lpstat -r 2>/dev/null)" == 'scheduler is running' ]]; }
is_root() { [[ "$(id -u)" == 0 ]]; }
need_root() { is_root || die "$1 needs root: run sudo $0"; }

if ! scheduler_running; then
  need_root 'starting the CUPS scheduler'
  if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null 2>&1; then
    systemctl start cups
  else
    # No systemd (CI containers): cupsd daemonises itself and keeps running after this script exits.
    cupsd
  fi
  # lpstat -r connects through the scheduler's socket, so "running" means clients can reach it.
  for _ in $(seq 1 150); do
    scheduler_running && break
    sleep 0.2
  done
  scheduler_running || die 'cupsd was started but did not answer within 30 s; see /var/log/cups/error_log'
  echo "setup-cups: started the CUPS scheduler"
fi

if device_line="$(lpstat -v "$QUEUE" 2>/dev/null)"; then
  [[ "$device_line" == "device for $QUEUE: cups-pdf:/" ]] ||
    die "queue $QUEUE exists but is not the cups-pdf printer ($device_line). Remove it (lpadmin -x $QUEUE) or set DOORSTEP_PDF_QUEUE"
else
  need_root "adding the $QUEUE queue"
  # -E after -p enables the queue and makes it accept jobs. lpadmin warns that PPD drivers are deprecated;
  # cups-pdf has no driverless variant in Debian 12, so the warning is expected.
  lpadmin_out="$(lpadmin -p "$QUEUE" -v cups-pdf:/ -E -m "$PPD_MODEL" 2>&1)" || die "lpadmin failed: $lpadmin_out"
  echo "setup-cups: added queue $QUEUE (cups-pdf)"
fi

if ! lpstat -v "$OFFICE_QUEUE" >/dev/null 2>&1; then
  need_root "adding the $OFFICE_QUEUE queue"
  lpadmin_out="$(lpadmin -p "$OFFICE_QUEUE" -v cups-pdf:/ -E -m "$OFFICE_MODEL" 2>&1)" || die "lpadmin failed: $lpadmin_out"
  echo "setup-cups: added queue $OFFICE_QUEUE (office driver, no photo paper)"
fi

# CUPS turns a PDF into PostScript before cups-pdf rewrites it; the default renderer loses the text layer of
# embedded CJK fonts (pdftotext reads garbage), pdftocairo keeps it, so printed receipts stay checkable.
if ! lpoptions -p "$QUEUE" 2>/dev/null | grep -q 'pdftops-renderer=pdftocairo'; then
  need_root "setting the PDF renderer of $QUEUE"
  lpadmin -p "$QUEUE" -o pdftops-renderer-default=pdftocairo
  echo "setup-cups: $QUEUE renders through pdftocairo"
fi

if [[ "$(lpstat -p "$QUEUE")" == "printer $QUEUE disabled"* ]]; then
  need_root "enabling $QUEUE"
  cupsenable "$QUEUE"
  echo "setup-cups: enabled $QUEUE"
fi
if [[ "$(lpstat -a "$QUEUE")" == "$QUEUE not accepting"* ]]; then
  need_root "making $QUEUE accept jobs"
  cupsaccept "$QUEUE"
  echo "setup-cups: $QUEUE accepts jobs again"
fi

# Where cups-pdf puts the files: the Out setting of /etc/cups/cups-pdf.conf, expanded for the user who submits the
# job (cups-pdf runs Ghostscript as that user, root included). Debian ships "Out ${HOME}/PDF"; the files are named
# <title>-job_<id>.pdf (the PPD's default Label 2) with mode 0600.
user="${SUDO_USER:-$(id -un)}"
home="$(getent passwd "$user" | cut -d: -f6)" || die "user $user has no passwd entry, so cups-pdf cannot write its files"
out="$(sed -n 's/^[[:space:]]*Out[[:space:]]\+//p' /etc/cups/cups-pdf.conf 2>/dev/null | tail -n 1)"
out="${out:-/var/spool/cups-pdf/\${USER\}}"
out="${out//\$\{HOME\}/$home}"
out="${out//\$\{USER\}/$user}"
echo "setup-cups: queue $QUEUE ready; jobs submitted by $user land in $out/"
