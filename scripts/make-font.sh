#!/bin/sh
# Builds assets/fonts/wqy-microhei.ttf, the font every printed PDF embeds.
# pdf-lib cannot open a .ttc collection, and it subsets CFF-outline CJK fonts (Noto/Source Han) into invalid
# fonts, so we take the TrueType-outline WenQuanYi Micro Hei (face 0, proportional) out of Debian's collection.
# Needs Debian packages fonts-wqy-microhei and python3-fonttools.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
out_dir="$root/assets/fonts"
ttc=${WQY_TTC:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}
copyright=/usr/share/doc/fonts-wqy-microhei/copyright

# Debian's python3-fonttools lives under /usr/bin/python3, which a pyenv or venv python3 on PATH may shadow.
python=${PYTHON:-/usr/bin/python3}
[ -x "$python" ] || python=python3

if [ ! -f "$ttc" ]; then
  echo "make-font: $ttc not found; install it with: apt-get install fonts-wqy-microhei" >&2
  exit 1
fi
if ! "$python" -c 'import fontTools' 2>/dev/null; then
  echo "make-font: $python has no fontTools; install it with: apt-get install python3-fonttools" >&2
  exit 1
fi

mkdir -p "$out_dir"
# recalcTimestamp=False keeps head.modified as shipped, so re-running the script gives the same bytes.
"$python" - "$ttc" "$out_dir/wqy-microhei.ttf" <<'PY'
import sys
from fontTools.ttLib import TTCollection
src, dst = sys.argv[1], sys.argv[2]
face = TTCollection(src, recalcTimestamp=False).fonts[0]
if 'glyf' not in face:
    sys.exit('make-font: face 0 has no TrueType outlines; pdf-lib would subset it into an invalid font')
face.save(dst)
PY

{
  echo "assets/fonts/wqy-microhei.ttf is face 0 (\"WenQuanYi Micro Hei\") of wqy-microhei.ttc,"
  echo "extracted with fontTools (no table edited) by scripts/make-font.sh from the Debian package"
  echo "fonts-wqy-microhei $(dpkg-query -W -f='${Version}' fonts-wqy-microhei 2>/dev/null || echo '(version unknown)')."
  echo "PDFs made by Doorstep embed subsets of it."
  echo
  echo "It is licensed under the Apache License 2.0, or (at your option) the GNU GPL version 3 or later with"
  echo "the font exception quoted below. Doorstep uses it under the Apache License 2.0."
  echo
  echo "Licence statement from the Debian package's copyright file ($copyright):"
  echo
  cat "$copyright"
  # Apache-2.0 §4(a) asks that recipients get a copy of the licence itself, not only a link to it.
  if [ -f /usr/share/common-licenses/Apache-2.0 ]; then
    echo
    echo "Full text of the Apache License 2.0 (/usr/share/common-licenses/Apache-2.0):"
    echo
    cat /usr/share/common-licenses/Apache-2.0
  fi
} > "$out_dir/LICENSE-wqy-microhei.txt"

echo "make-font: wrote $out_dir/wqy-microhei.ttf ($(wc -c < "$out_dir/wqy-microhei.ttf") bytes)"
