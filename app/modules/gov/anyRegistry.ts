/**
 * Proto-JSON of proposals needs the schema of every type their Anys name, nested ones included
 * (a MsgExecLegacyContent carries a Content Any). These build a protobuf-es registry of exactly those,
 * resolved through the app's router.
 */
import { createRegistry, type DescMessage, fromBinary, isMessage, type JsonValue, type Message, type Registry, toBinary } from "@bufbuild/protobuf";
import { type ReflectMessage, isReflectMessage, reflect } from "@bufbuild/protobuf/reflect";
import { type Any, AnySchema } from "@bufbuild/protobuf/wkt";
import type { MessageRouterForGov } from "./expected.js";

/** The types named by `anys` and by the Anys inside them. @throws Error for a type the chain does not know. */
export function registryForAnys(router: Pick<MessageRouterForGov, "resolveAny">, anys: readonly Any[]): Registry {
  const found = new Map<string, DescMessage>();
  const queue = [...anys];
  for (let any = queue.pop(); any !== undefined; any = queue.pop()) {
    if (found.has(any.typeUrl)) continue;
    const schema = router.resolveAny(any.typeUrl);
    if (schema === undefined) throw new Error(`unable to resolve type URL ${any.typeUrl}`);
    found.set(any.typeUrl, schema);
    collectAnys(schema, fromBinary(schema, any.value), queue);
  }
  return createRegistry(...found.values());
}

function collectAnys(schema: DescMessage, message: Message, out: Any[]): void {
  walkAnys(reflect(schema, message), (any) => out.push(any));
}

/** The types named by every `"@type"` of a JSON document. @throws Error for a type the chain does not know. */
export function registryForJson(router: Pick<MessageRouterForGov, "resolveAny">, json: JsonValue): Registry {
  const found = new Map<string, DescMessage>();
  const walk = (v: JsonValue): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") {
      for (const [key, inner] of Object.entries(v)) {
        if (key === "@type" && typeof inner === "string" && !found.has(inner)) {
          const schema = router.resolveAny(inner);
          if (schema === undefined) throw new Error(`unable to resolve type URL ${inner}`);
          found.set(inner, schema);
        } else walk(inner);
      }
    }
  };
  walk(json);
  return createRegistry(...found.values());
}

/**
 * protobuf-es packs the Anys it reads from JSON under `type.googleapis.com/<name>`; the SDK's type
 * URLs are `/<name>`. Rewrites every Any of `message` (nested ones inside Any values too) to the SDK
 * form, re-encoding the values that contain Anys.
 */
export function withSdkTypeUrls(schema: DescMessage, message: Message, registry: Registry): void {
  walkAnys(reflect(schema, message), (any) => {
    const name = any.typeUrl.slice(any.typeUrl.lastIndexOf("/") + 1);
    const desc = registry.getMessage(name);
    if (desc !== undefined) {
      const inner = fromBinary(desc, any.value);
      withSdkTypeUrls(desc, inner, registry);
      any.value = toBinary(desc, inner);
    }
    any.typeUrl = `/${name}`;
  });
}

function walkAnys(m: ReflectMessage, onAny: (any: Any) => void): void {
  if (isMessage(m.message, AnySchema)) {
    onAny(m.message);
    return;
  }
  for (const f of m.fields) {
    if (!m.isSet(f)) continue;
    if (f.fieldKind === "message") walkAnys(m.get(f), onAny);
    else if (f.fieldKind === "list" && f.listKind === "message") for (const item of m.get(f)) if (isReflectMessage(item)) walkAnys(item, onAny);
  }
}
