/**
 * The PHP files a test WordPress needs (see wordpress-server.ts): the per-instance config Debian's
 * wp-config.php loads, the `php -S` router, a CLI prelude that loads WordPress outside a request,
 * and a must-use plugin with the tests' switches.
 */
const q = (s: string | number) => JSON.stringify(String(s)).replace(/\$/g, '\\$');

export function wpConfigPhp(o: { dir: string; sock: string; content: string; url: string; salt: () => string }): string {
  const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
    .map((k) => `define('${k}', ${q(o.salt())});`).join('\n');
  return `<?php
// Written by the Editorial Workbench's test harness for one throw-away instance; removed when it stops.
define('DB_NAME', 'wp');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', ${q(`localhost:${o.sock}`)});
define('WP_CONTENT_DIR', ${q(o.content)});
define('WP_CONTENT_URL', ${q(`${o.url}/wp-content`)});
define('WP_HOME', ${q(o.url)});
define('WP_SITEURL', ${q(o.url)});
// Application passwords over plain http need a local environment (switch-production: a test checks that fact).
define('WP_ENVIRONMENT_TYPE', file_exists(${q(`${o.dir}/switch-production`)}) ? 'production' : 'local');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', false);
${salts}
$table_prefix = 'wp_';
`;
}

/** php -S passes no environment into $_SERVER, so the router names the config; it also serves uploads from the instance's folder. */
export function ROUTER_PHP(name: string, dir: string, content: string): string {
  return `<?php
// switch-by-host: leave the choice to Debian's wp-config.php (config-<host>.php), for the test of that fact.
if (!file_exists(${q(`${dir}/switch-by-host`)})) $_SERVER['WORDPRESS_CONFIG'] = ${q(name)};
$root = '/usr/share/wordpress';
$content = ${q(content)};
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (strncmp($path, '/wp-content/uploads/', 20) === 0) {
  $f = realpath($content . substr($path, 11));
  if ($f === false || strncmp($f, $content . '/uploads/', strlen($content) + 9) !== 0 || !is_file($f)) { http_response_code(404); return true; }
  $types = ['jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'png' => 'image/png', 'gif' => 'image/gif', 'webp' => 'image/webp', 'svg' => 'image/svg+xml'];
  header('Content-Type: ' . ($types[strtolower(pathinfo($f, PATHINFO_EXTENSION))] ?? 'application/octet-stream'));
  readfile($f);
  return true;
}
$file = $root . $path;
if (is_file($file) && substr($file, -4) !== '.php') return false;
if (is_dir($file) && is_file(rtrim($file, '/') . '/index.php')) $file = rtrim($file, '/') . '/index.php';
elseif (!is_file($file)) $file = $root . '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $file;
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = substr($file, strlen($root));
chdir(dirname($file));
require $file;
`;
}

/** Loads WordPress from the command line as if a request had come to the instance; then runs code. */
export function cliPhp(name: string, port: number, code: string, installing: boolean): string {
  return `<?php
$_SERVER['WORDPRESS_CONFIG'] = ${q(name)};
$_SERVER['HTTP_HOST'] = ${q(`127.0.0.1:${port}`)};
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = ${q(port)};
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
${installing ? "define('WP_INSTALLING', true);" : ''}
require '/usr/share/wordpress/wp-load.php';
// No network here: WordPress must not wait on wordpress.org.
add_filter('pre_http_request', function () { return new WP_Error('offline', 'no network in tests'); });
${installing ? '' : 'wp_set_current_user(1);'}
${code}
`;
}

/**
 * Test switches, each a file in the instance's folder:
 * switch-rest-off (the REST API answers as a "disable REST" plugin makes it),
 * (switch-production and switch-by-host are read by the config and the router),
 * switch-slow ("SECONDS - [METHOD ROUTE]": REST answers wait, before WordPress does the work),
 * switch-fail ("N STATUS [METHOD ROUTE]": the next N REST answers fail with STATUS).
 */
export function muPluginPhp(dir: string): string {
  return `<?php
$wbtest_dir = ${q(dir)};
if (file_exists("$wbtest_dir/switch-rest-off")) {
  remove_action('template_redirect', 'rest_output_link_header', 11);
  remove_action('wp_head', 'rest_output_link_wp_head', 10);
  add_filter('rest_authentication_errors', function () {
    return new WP_Error('rest_disabled', 'The REST API is disabled on this site.', ['status' => 403]);
  });
}
// A switch may name a method and a route prefix after its value: "2 POST /wp/v2/posts".
function wbtest_switch($file, $request) {
  if (!file_exists($file)) return null;
  $parts = explode(' ', trim(file_get_contents($file)));
  if (isset($parts[2]) && $parts[2] !== $request->get_method()) return null;
  if (isset($parts[3]) && strpos($request->get_route(), $parts[3]) !== 0) return null;
  return $parts;
}
add_filter('rest_pre_dispatch', function ($result, $server, $request) use ($wbtest_dir) {
  $slow = wbtest_switch("$wbtest_dir/switch-slow", $request);
  if ($slow) usleep((int) (floatval($slow[0]) * 1e6));
  $fail = "$wbtest_dir/switch-fail";
  if (wbtest_switch($fail, $request)) {
    $h = fopen($fail, 'c+');
    flock($h, LOCK_EX);
    $parts = explode(' ', trim(stream_get_contents($h)));
    $n = intval($parts[0]);
    $status = intval($parts[1] ?? 503);
    if ($n > 0) {
      $parts[0] = $n - 1;
      ftruncate($h, 0); rewind($h); fwrite($h, implode(' ', $parts));
      flock($h, LOCK_UN); fclose($h);
      if ($status === 429) header('Retry-After: 1');
      return new WP_Error('wbtest_injected', 'Injected failure', ['status' => $status]);
    }
    flock($h, LOCK_UN); fclose($h);
  }
  return $result;
}, 10, 3);
`;
}
