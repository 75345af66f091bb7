#!/usr/bin/env python3
"""Import cycles between the modules of a crate (issue 21: no module may
import one that imports it back).

    python3 scripts/import_cycles.py engine/src
    python3 scripts/import_cycles.py src

Reads every `crate::module` and `super::module` path outside comments and
`#[cfg(test)] mod tests`, builds the graph of modules and prints each group
of modules that reach each other (Tarjan's strongly connected components).
Exits 1 when there is one. A path in a doc link counts only outside
comments, so links do not make cycles.
"""
import re, os, sys, itertools
root=sys.argv[1]
mods={}
for dp,_,fs in os.walk(root):
    for f in fs:
        if not f.endswith('.rs'): continue
        p=os.path.join(dp,f); rel=os.path.relpath(p,root)[:-3]
        name=rel.replace('/mod','').replace('/','::')
        if name in ('lib','main'): continue
        mods[name]=open(p).read()
edges={m:set() for m in mods}
for m,src in mods.items():
    src=re.sub(r'#\[cfg\(test\)\]\s*mod tests\s*\{.*', '', src, flags=re.S)  # drop tests
    src='\n'.join(l for l in src.split('\n') if not l.lstrip().startswith('//'))  # and comments
    for ref in re.findall(r'crate::([a-z_]+(?:::[a-z_]+)?)', src):
        for cand in (ref, ref.split('::')[0]):
            if cand in mods and cand!=m and not m.startswith(cand+'::') :
                edges[m].add(cand); break
    if '::' in m:
        parent=m.rsplit('::',1)[0]
        for ref in re.findall(r'super::([a-z_]+)', src):
            cand=parent+'::'+ref
            if cand in mods and cand!=m: edges[m].add(cand)
# find strongly connected components (Tarjan)
idx={}; low={}; st=[]; on=set(); sccs=[]; c=[0]
def sc(v):
    idx[v]=low[v]=c[0]; c[0]+=1; st.append(v); on.add(v)
    for w in edges[v]:
        if w not in idx: sc(w); low[v]=min(low[v],low[w])
        elif w in on: low[v]=min(low[v],idx[w])
    if low[v]==idx[v]:
        comp=[]
        while True:
            w=st.pop(); on.discard(w); comp.append(w)
            if w==v: break
        if len(comp)>1: sccs.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in edges:
    if v not in idx: sc(v)
print(f"{root}: {len(mods)} modules, {sum(len(e) for e in edges.values())} imports, {len(sccs)} cycles (strongly connected groups):")
for comp in sccs: print('  ', ', '.join(comp))
sys.exit(1 if sccs else 0)
