import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClustersFile } from './clusters-file';
import { readSettings } from './config';

const parse = (text: string, env: Record<string, string> = {}) => parseClustersFile(text, 'clusters.yaml', env);
const problem = (text: string, env: Record<string, string> = {}) => {
  try {
    parse(text, env);
  } catch (error) {
    return error as Error & { key?: string };
  }
  throw new Error('the file was accepted');
};

describe('clusters file', () => {
  it('reads YAML and JSON alike, with namesrv as a list or a ;-separated string', () => {
    const yaml = parse('clusters:\n  - name: prod\n    namesrv: [10.0.0.1:9876, 10.0.0.2:9876]\n    readOnly: true\n  - name: staging\n    namesrv: "10.1.0.1:9876;10.1.0.2:9876"\ndefaultCluster: staging\n');
    expect(yaml.clusters.map((c) => [c.name, c.namesrv, c.readOnly])).toEqual([
      ['prod', ['10.0.0.1:9876', '10.0.0.2:9876'], true],
      ['staging', ['10.1.0.1:9876', '10.1.0.2:9876'], undefined],
    ]);
    expect(yaml.defaultCluster).toBe('staging');
    const json = parse(JSON.stringify({ clusters: [{ name: 'a', namesrv: '127.0.0.1:9876', traceTopic: 'T' }] }));
    expect(json.clusters[0]).toMatchObject({ name: 'a', namesrv: ['127.0.0.1:9876'], traceTopic: 'T' });
  });

  it('names the bad key: a missing name, a bad address, an unknown key, a duplicate, an unknown default', () => {
    expect(problem('clusters:\n  - namesrv: 127.0.0.1:9876\n')).toMatchObject({ key: 'clusters[0].name', message: expect.stringContaining('clusters[0].name: name is required') });
    expect(problem('clusters:\n  - name: a\n    namesrv: localhost\n')).toMatchObject({ key: 'clusters[0].namesrv[0]', message: expect.stringContaining('host:port') });
    expect(problem('clusters:\n  - name: a\n    namesrv: 127.0.0.1:9876\n    readonly: true\n').message).toContain('clusters[0]: unknown key "readonly"');
    expect(problem('clusters:\n  - name: a\n    namesrv: 127.0.0.1:9876\n  - name: a\n    namesrv: 127.0.0.1:9877\n')).toMatchObject({ key: 'clusters[1].name', message: expect.stringContaining('used twice') });
    expect(problem('clusters:\n  - name: a\n    namesrv: 127.0.0.1:9876\ndefaultCluster: b\n')).toMatchObject({ key: 'defaultCluster', message: expect.stringContaining('not one of the clusters (a)') });
    expect(problem('clusters:\n  - name: _x\n    namesrv: 127.0.0.1:9876\n')).toMatchObject({ key: 'clusters[0].name' });
    expect(problem('clusters: []\n')).toMatchObject({ key: 'clusters', message: expect.stringContaining('lists no cluster') });
    expect(problem('clusters:\n  - name: a\n    namesrv: 127.0.0.1:9876\n    readOnly: "yes"\n')).toMatchObject({ key: 'clusters[0].readOnly', message: expect.stringContaining('true or false') });
  });

  it('says where a file that is not YAML breaks, and names the file', () => {
    const error = problem('clusters:\n  - name: a\n   namesrv: [\n');
    expect(error.message).toMatch(/^CONSOLE_CONFIG clusters\.yaml: not valid YAML or JSON at line \d/);
  });

  it('takes secrets from named environment variables and refuses an unset one', () => {
    const text = 'clusters:\n  - name: a\n    namesrv: 127.0.0.1:9876\n    credentials: { accessKey: ak, secretKey: { env: RMQ_SK } }\n';
    expect(parse(text, { RMQ_SK: 's3cret' }).clusters[0]!.credentials).toEqual({ accessKey: 'ak', secretKey: 's3cret' });
    expect(problem(text)).toMatchObject({ key: 'clusters[0].credentials.secretKey', message: expect.stringContaining('RMQ_SK is not set') });
  });

  it('reads the OIDC role mapping, each role one of viewer, operator, admin', () => {
    const file = parse('clusters:\n  - name: a\n    namesrv: 127.0.0.1:9876\nauth:\n  oidc:\n    issuer: https://idp.example\n    clientId: console\n    roles:\n      - { value: mq-admins, role: admin }\n      - { value: mq-ops, role: operator, clusters: [a] }\n');
    expect(file.auth?.oidc?.roles).toEqual([
      { value: 'mq-admins', role: 'admin', clusters: ['*'] },
      { value: 'mq-ops', role: 'operator', clusters: ['a'] },
    ]);
    expect(problem('clusters:\n  - name: a\n    namesrv: 127.0.0.1:9876\nauth:\n  oidc:\n    roles:\n      - { value: x, role: root }\n')).toMatchObject({ key: 'auth.oidc.roles[0].role', message: expect.stringContaining('viewer, operator, admin') });
  });
});

describe('readSettings', () => {
  it('keeps NAMESRV_ADDR as the one-cluster shortcut (named by CLUSTER_KEY, default "default")', () => {
    const s = readSettings({ NAMESRV_ADDR: '10.0.0.1:9876;10.0.0.2:9876', RMQ_REQUEST_TIMEOUT_MS: '1500' });
    expect(s.clusters).toEqual([expect.objectContaining({ name: 'default', namesrvAddrs: ['10.0.0.1:9876', '10.0.0.2:9876'], requestTimeoutMs: 1500, readOnly: false })]);
    expect(s.defaultCluster).toBe('default');
    expect(readSettings({ NAMESRV_ADDR: '10.0.0.1:9876', CLUSTER_KEY: 'prod' }).clusters[0]!.name).toBe('prod');
  });

  it('reads the clusters file named by CONSOLE_CONFIG; its first cluster is the default unless it names one', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'console-config-'));
    const file = path.join(dir, 'clusters.yaml');
    writeFileSync(file, 'clusters:\n  - name: five\n    namesrv: 127.0.0.1:9876\n  - name: four\n    namesrv: 127.0.0.1:9886\n    requestTimeoutMs: 5000\n    readOnly: true\n');
    const s = readSettings({ CONSOLE_CONFIG: file, RMQ_REQUEST_TIMEOUT_MS: '2000' });
    expect(s.clusters.map((c) => [c.name, c.namesrvAddrs[0], c.requestTimeoutMs, c.readOnly])).toEqual([
      ['five', '127.0.0.1:9876', 2000, false],
      ['four', '127.0.0.1:9886', 5000, true],
    ]);
    expect(s.defaultCluster).toBe('five');
    expect(() => readSettings({ CONSOLE_CONFIG: path.join(dir, 'missing.yaml') })).toThrow(/missing\.yaml: cannot read it \(ENOENT\)/);
  });

  it('turns sign-in off only when AUTH=off says so', () => {
    expect(readSettings({}).auth.enabled).toBe(true);
    expect(readSettings({ AUTH: 'off' }).auth.enabled).toBe(false);
    expect(readSettings({ CONSOLE_ADMIN_PASSWORD: 'pw' }).auth.initialAdmin).toEqual({ username: 'admin', password: 'pw', passwordFile: path.join('data', 'initial-admin-password') });
    expect(readSettings({ DATA_DIR: '/var/lib/console', PORT: '8080' }).auth).toMatchObject({ initialAdmin: { passwordFile: '/var/lib/console/initial-admin-password' }, signInUrl: 'http://localhost:8080/login' });
    expect(readSettings({ CONSOLE_PUBLIC_URL: 'https://mq.example.com/' }).auth).toMatchObject({ publicUrl: 'https://mq.example.com', signInUrl: 'https://mq.example.com/login' });
  });
});
