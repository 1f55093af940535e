#!/usr/bin/env python3
"""Upsert localized strings into a pair of .resx files (neutral = Simplified Chinese, .en = English).

Usage: resx.py path/to/BaseName key "中文" "English" [key "中文" "English" ...]
  path/to/BaseName without extension, e.g. src/Portal.Web/Features/Accounts/AccountsText
Or:    resx.py path/to/BaseName --tsv file.tsv   (lines: key<TAB>中文<TAB>English)
"""
import sys, os
import xml.etree.ElementTree as ET

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
'''

def load(path):
    if not os.path.exists(path):
        return {}
    tree = ET.parse(path)
    out = {}
    for d in tree.getroot().findall('data'):
        v = d.find('value')
        out[d.get('name')] = v.text if v is not None and v.text is not None else ''
    return out

def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')

def save(path, entries):
    lines = HEADER.rstrip().split('\n')[:-1]
    for k in sorted(entries):
        lines.append(f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(entries[k])}</value></data>')
    lines.append('</root>')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')

def main():
    base = sys.argv[1]
    args = sys.argv[2:]
    triples = []
    if args and args[0] == '--tsv':
        with open(args[1], encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                if not line.strip() or line.startswith('#'):
                    continue
                parts = line.split('\t')
                if len(parts) != 3:
                    sys.exit(f'bad line: {line!r}')
                triples.append(parts)
    else:
        if len(args) % 3:
            sys.exit('arguments must be key zh en triples')
        triples = [args[i:i+3] for i in range(0, len(args), 3)]
    zh = load(base + '.resx'); en = load(base + '.en.resx')
    for k, z, e in triples:
        zh[k] = z; en[k] = e
    save(base + '.resx', zh); save(base + '.en.resx', en)
    print(f'{base}: {len(zh)} keys')

main()
