#!/bin/sh
# Issue 11: colours, stylesheets and fonts belong to the design system (ui/theme). Fails when a file under
# ui/ or app/ outside ui/theme sets a colour, a stylesheet, a palette or a widget font by hand.
# Usage: check-theme-literals.sh <source root>
root=${1:?source root}
cd "$root" || exit 2
dirs=""
for d in ui app; do [ -d "$d" ] && dirs="$dirs $d"; done
[ -n "$dirs" ] || { echo "no ui/ or app/ under $root"; exit 2; }

pattern='setStyleSheet[[:space:]]*\(|setPalette[[:space:]]*\(|QColor[[:space:]]*\(|QColor::fromRgb|qRgb[a]?[[:space:]]*\(|#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|rgba?\(|Qt::(white|black|red|darkRed|green|darkGreen|blue|darkBlue|cyan|darkCyan|magenta|darkMagenta|yellow|darkYellow|gray|darkGray|lightGray)\b|->setFont[[:space:]]*\(|^[[:space:]]*setFont[[:space:]]*\(|style[[:space:]]*=[[:space:]]*\\?["'"'"']|font-size|font-weight|setForeground[[:space:]]*\([[:space:]]*Q'

found=$(grep -rnE --include='*.cpp' --include='*.h' "$pattern" $dirs | grep -v '^ui/theme/')
if [ -n "$found" ]; then
    echo "Colours, stylesheets or fonts set outside ui/theme (use a role/textStyle property or the Appearance API):"
    echo "$found"
    exit 1
fi
echo "no literal colours, stylesheets or fonts outside ui/theme"
