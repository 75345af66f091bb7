-- Every object of customer_clean as text, one line per fact, sorted: what
-- tests/upgrade.sh compares between a database upgraded from 0.1.0 and a
-- fresh install (pg_dump leaves an extension's own objects out). ACLs are
-- compared as their exploded entries, so an explicit grant equal to the
-- default reads the same as none.
\pset format unaligned
\pset tuples_only on
WITH acl(kind, oid, owner, acl) AS (
    SELECT 'function', p.oid, p.proowner, coalesce(p.proacl, acldefault('f', p.proowner))
      FROM pg_proc p WHERE p.pronamespace = 'customer_clean'::regnamespace
    UNION ALL
    SELECT 'relation', c.oid, c.relowner, coalesce(c.relacl, acldefault(CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char", c.relowner))
      FROM pg_class c WHERE c.relnamespace = 'customer_clean'::regnamespace
), facts(fact) AS (
    SELECT format('function %s: %s', p.oid::regprocedure, pg_get_functiondef(p.oid))
      FROM pg_proc p WHERE p.pronamespace = 'customer_clean'::regnamespace AND p.prokind <> 'a'
    UNION ALL
    SELECT format('aggregate %s: %s', p.oid::regprocedure, to_jsonb(a) - 'aggfnoid')
      FROM pg_proc p JOIN pg_aggregate a ON a.aggfnoid = p.oid WHERE p.pronamespace = 'customer_clean'::regnamespace
    UNION ALL
    SELECT format('comment %s: %s', p.oid::regprocedure, obj_description(p.oid, 'pg_proc'))
      FROM pg_proc p WHERE p.pronamespace = 'customer_clean'::regnamespace
    UNION ALL
    SELECT format('acl %s %s: %s', a.kind, CASE a.kind WHEN 'function' THEN a.oid::regprocedure::text ELSE a.oid::regclass::text END,
                  (SELECT string_agg(e, ', ' ORDER BY e) FROM (SELECT format('%s %s %s', x.grantee::regrole, x.privilege_type, x.is_grantable) AS e
                     FROM aclexplode(a.acl) x) e))
      FROM acl a
    UNION ALL
    SELECT format('relation %s: kind %s, rls %s, forced %s, options %s, comment %s', c.oid::regclass, c.relkind,
                  c.relrowsecurity, c.relforcerowsecurity, c.reloptions, obj_description(c.oid, 'pg_class'))
      FROM pg_class c WHERE c.relnamespace = 'customer_clean'::regnamespace
    UNION ALL
    SELECT format('column %s.%s: #%s %s, not null %s, default %s, identity %s', c.oid::regclass, a.attname, a.attnum,
                  format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity)
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
     WHERE c.relnamespace = 'customer_clean'::regnamespace AND c.relkind IN ('r', 'p', 'v')
    UNION ALL
    SELECT format('constraint %s.%s: %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
      FROM pg_constraint c WHERE c.connamespace = 'customer_clean'::regnamespace
    UNION ALL
    SELECT format('index %s', pg_get_indexdef(i.indexrelid))
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'customer_clean'::regnamespace
    UNION ALL
    SELECT format('policy %s.%s: %s %s to %s using %s check %s', p.polrelid::regclass, p.polname, p.polcmd,
                  CASE WHEN p.polpermissive THEN 'permissive' ELSE 'restrictive' END,
                  (SELECT string_agg(CASE r WHEN 0 THEN 'public' ELSE r::regrole::text END, ', ' ORDER BY 1) FROM unnest(p.polroles) r),
                  pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid))
      FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE c.relnamespace = 'customer_clean'::regnamespace
    UNION ALL
    SELECT format('view %s: %s', c.oid::regclass, pg_get_viewdef(c.oid))
      FROM pg_class c WHERE c.relnamespace = 'customer_clean'::regnamespace AND c.relkind = 'v'
    UNION ALL
    SELECT format('trigger %s', pg_get_triggerdef(t.oid))
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'customer_clean'::regnamespace AND NOT t.tgisinternal
    UNION ALL
    SELECT format('sequence %s: %s %s %s %s', s.seqrelid::regclass, s.seqtypid::regtype, s.seqstart, s.seqincrement, s.seqcycle)
      FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE c.relnamespace = 'customer_clean'::regnamespace
    UNION ALL
    SELECT format('dumped with the database: %s %s', x.config::regclass, x.condition)
      FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(config, condition) WHERE e.extname = 'customer_clean'
    UNION ALL
    SELECT format('extension member: %s', pg_describe_object(d.classid, d.objid, d.objsubid))
      FROM pg_depend d JOIN pg_extension e ON d.refobjid = e.oid AND d.refclassid = 'pg_extension'::regclass
     WHERE e.extname = 'customer_clean' AND d.deptype = 'e'
)
SELECT fact FROM facts ORDER BY fact COLLATE "C";
