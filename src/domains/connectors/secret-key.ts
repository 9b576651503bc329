import type { Config } from '../../platform/config.ts';
import { loadSecretKey, type SecretKey } from '../../platform/crypto/secret-box.ts';

const keys = new WeakMap<Config, SecretKey>();

/** The process's sealing key, loaded once per configuration. */
export function secretKeyOf(config: Config): SecretKey {
  let key = keys.get(config);
  if (!key) {
    key = loadSecretKey({ secretKey: config.secretKey, dataDir: config.dataDir });
    keys.set(config, key);
  }
  return key;
}
