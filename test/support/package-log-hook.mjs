// node --import this file: every npm package the process resolves is appended, one name a line, to
// $PACKAGE_LOG. Lets a test see what a command loads, without timing anything.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const match = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(result.url);
  if (match && process.env.PACKAGE_LOG) appendFileSync(process.env.PACKAGE_LOG, match[1] + '\\n');
  return result;
}`),
);
