<?php
// make-export.php builds a small multilingual WordPress site with
// WordPress's own functions and writes its export with WordPress's own
// exporter (export_wp), so that the importer is tested against what
// Tools → Export really writes.
//
// Debian: apt-get install wordpress php-cli php-mysql mariadb-server, a
// database and /etc/wordpress/config-wxr.example.php naming it (see
// README in this folder), then:
//
//	php make-export.php POSTS_PER_LANGUAGE > wordpress-export.xml
//
// Polylang is not installed: its data is written the way Polylang writes
// it (the "language" and "post_translations" taxonomies, the latter's
// term description a PHP-serialised array language → post ID), which is
// what an export of a Polylang site carries. Some groups use the
// post meta of "WPML Export and Import" (_wpml_import_*) instead.

$_SERVER['HTTP_HOST'] = 'wxr.example';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = 'wxr.example';
define('WP_INSTALLING', true);
require_once '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/export.php';
require_once ABSPATH . 'wp-admin/includes/post.php';

$per = isset($argv[1]) ? (int)$argv[1] : 100;
$here = __DIR__;
mt_srand(7);

// A fresh site every time.
global $wpdb;
foreach ($wpdb->get_col("SHOW TABLES LIKE '{$wpdb->prefix}%'") as $t) {
	$wpdb->query("DROP TABLE `$t`");
}
wp_cache_flush();
$r = wp_install('Датка WXR test', 'admin', 'admin@wxr.example', true, '', 'not-a-password', 'ru_RU');
fwrite(STDERR, "installed, admin user {$r['user_id']}\n");
// Pretty permalinks, as most sites have them.
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%postname%/');

$authors = [
	'aigul' => ['Айгүл', 'Токтогулова', 'aigul@wxr.example', 'author'],
	'ivan'  => ['Иван', 'Петров', 'ivan@wxr.example', 'editor'],
	'mary'  => ['Mary', 'O\'Neil & Sons', 'mary@wxr.example', 'contributor'],
];
$uid = ['admin' => $r['user_id']];
foreach ($authors as $login => [$first, $last, $mail, $role]) {
	$uid[$login] = wp_insert_user([
		'user_login' => $login, 'user_pass' => wp_generate_password(),
		'user_email' => $mail, 'first_name' => $first, 'last_name' => $last,
		'display_name' => "$first $last", 'role' => $role,
	]);
}

// Write as an administrator does: with unfiltered_html, so that the
// scripts and frames in the bodies below reach the export as real sites'
// do, and the importer has to deal with them.
wp_set_current_user($uid['admin']);
kses_remove_filters();

// Polylang's taxonomies, registered so that the exporter writes them.
foreach (['language', 'post_translations', 'term_language', 'term_translations'] as $tax) {
	register_taxonomy($tax, ['post', 'page', 'attachment'], ['public' => false, 'rewrite' => false, 'query_var' => false]);
}
$langs = [
	'ru' => ['Русский', 'ru_RU'],
	'ky' => ['Кыргызча', 'ky_KY'],
	'en' => ['English', 'en_US'],
];
$langTerm = [];
$order = 0;
foreach ($langs as $code => [$name, $locale]) {
	$t = wp_insert_term($name, 'language', [
		'slug' => $code,
		'description' => serialize(['locale' => $locale, 'rtl' => 0, 'flag_code' => substr($locale, 3, 2)]),
	]);
	$langTerm[$code] = $t['term_id'];
	wp_insert_term("pll_$code", 'term_language', ['slug' => "pll_$code"]);
}

// Categories and tags, one set per language.
$cats = [
	'ru' => ['Новости', 'События', 'Образование'],
	'ky' => ['Жаңылыктар', 'Иш-чаралар', 'Билим берүү'],
	'en' => ['News', 'Events', 'Education'],
];
$catID = [];
foreach ($cats as $code => $names) {
	foreach ($names as $i => $name) {
		$t = wp_insert_term($name, 'category', ['description' => "$name &amp; more"]);
		$catID[$code][$i] = $t['term_id'];
	}
}
// A child category.
$child = wp_insert_term('Школы', 'category', ['parent' => $catID['ru'][2]]);
$tags = [
	'ru' => ['гендер', 'школа', 'равенство', 'Бишкек', 'Ош'],
	'ky' => ['гендер', 'мектеп', 'теңдик', 'Бишкек', 'Ош'],
	'en' => ['gender', 'school', 'equality', 'Bishkek', 'Osh'],
];

// Attachments: a real image under uploads/2024/05, and one whose file is
// missing (deleted from uploads after the upload, as happens).
$uploads = wp_upload_dir('2024/05');
@mkdir($uploads['path'], 0777, true);
copy("$here/uploads/2024/05/mountains.jpg", $uploads['path'] . '/mountains.jpg');
copy("$here/uploads/2024/05/logo.png", $uploads['path'] . '/logo.png');
function attach($file, $title, $parent, $author) {
	$up = wp_upload_dir('2024/05');
	$id = wp_insert_attachment([
		'post_title' => $title, 'post_mime_type' => wp_check_filetype($file)['type'],
		'post_status' => 'inherit', 'guid' => $up['url'] . '/' . $file,
		'post_author' => $author, 'post_date' => '2024-05-03 10:00:00',
		'post_excerpt' => "$title (caption)", 'post_content' => "$title, described",
	], $up['path'] . '/' . $file, $parent);
	update_post_meta($id, '_wp_attachment_image_alt', "$title — alt");
	$size = @getimagesize($up['path'] . '/' . $file);
	wp_update_attachment_metadata($id, [
		'width' => $size ? $size[0] : 100, 'height' => $size ? $size[1] : 100,
		'file' => '2024/05/' . $file, 'sizes' => [],
	]);
	return $id;
}
$img = attach('mountains.jpg', 'Горы', 0, $uid['aigul']);
$logo = attach('logo.png', 'Logo', 0, $uid['admin']);
$missing = attach('missing-photo.jpg', 'Пропавшее фото', 0, $uid['ivan']);

// Bodies as the block editor, the classic editor and careless hands
// write them.
function body($lang, $n, $img, $prev) {
	$up = wp_upload_dir('2024/05');
	$src = $up['url'] . '/mountains.jpg';
	switch ($n % 5) {
	case 0: // Gutenberg blocks
		return "<!-- wp:paragraph -->\n<p>Block paragraph $n in $lang &mdash; with <strong>bold</strong> and a <a href=\"https://example.org/?a=1&amp;b=2\">link</a>.</p>\n<!-- /wp:paragraph -->\n\n"
			. "<!-- wp:image {\"id\":$img,\"sizeSlug\":\"large\"} -->\n<figure class=\"wp-block-image size-large\"><img src=\"$src\" alt=\"\" class=\"wp-image-$img\"/></figure>\n<!-- /wp:image -->\n\n"
			. "<!-- wp:list -->\n<ul><li>one</li><li>two</li></ul>\n<!-- /wp:list -->";
	case 1: // classic editor: paragraphs are blank lines, a caption shortcode
		return "Classic text $n in $lang.\n\nSecond paragraph with&nbsp;a non-breaking space.\n\n"
			. "[caption id=\"attachment_$img\" align=\"alignnone\" width=\"640\"]<img class=\"size-full wp-image-$img\" src=\"$src\" alt=\"Mountains\" width=\"640\" height=\"400\" /> Горы на рассвете[/caption]\n\n[gallery ids=\"$img\"]";
	case 2: // broken HTML and a script
		return "<p>Unclosed <b>bold <i>and italic\n<p>Next <div>block<script>alert('x')</script><img src=x onerror=alert(1)>"
			. "<iframe src=\"https://evil.example/\"></iframe> end &copy; 2024";
	case 3: // a table and headings
		return "<h2>Heading $n</h2><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table><blockquote>Quote</blockquote>";
	default: // links to the previous group's post: its permalink and ?p=
		$links = $prev ? ' See the <a href="' . get_permalink($prev) . '">previous</a> and <a href="' . home_url("/?p=$prev") . '#top">its short link</a>.' : '';
		return "<p>Plain post $n in $lang.$links</p><!--more--><p>After the fold.</p>";
	}
}

$statuses = ['publish', 'publish', 'publish', 'publish', 'draft', 'pending', 'private', 'future'];
$posts = 0;
$prevIDs = [];
for ($g = 0; $g < $per; $g++) {
	$ids = [];
	$wpml = ($g % 10 == 9);
	$date = sprintf('2023-%02d-%02d %02d:%02d:00', 1 + $g % 12, 1 + $g % 28, 8 + $g % 10, $g % 60);
	foreach ($langs as $code => $_) {
		if ($code == 'en' && $g % 3 == 2) {
			continue; // not every post is translated
		}
		$status = $statuses[$g % count($statuses)];
		$d = $status == 'future' ? '2031-01-01 12:00:00' : $date;
		$title = ['ru' => "Новость номер $g", 'ky' => "Жаңылык № $g", 'en' => "News item $g"][$code];
		if ($g == 4) {
			$title .= ' &amp; «кавычки» <em>emphasis</em>';
		}
		$id = wp_insert_post([
			'post_type' => 'post', 'post_title' => $title,
			'post_name' => ($g % 7 == 0) ? 'same-slug' : '',
			'post_content' => body($code, $g, $img, $prevIDs[$code] ?? 0),
			'post_excerpt' => $g % 2 ? "Excerpt $g ($code)" : '',
			'post_status' => $status, 'post_date' => $d,
			'post_author' => array_values($uid)[$g % count($uid)],
			'post_category' => [$catID[$code][$g % 3]],
			'tags_input' => [$tags[$code][$g % 5], $tags[$code][($g + 1) % 5]],
		]);
		if (is_wp_error($id)) {
			fwrite(STDERR, $id->get_error_message() . "\n");
			exit(1);
		}
		if ($g % 4 == 0) {
			set_post_thumbnail($id, $g % 8 == 0 ? $img : $missing);
		}
		if ($wpml) {
			update_post_meta($id, '_wpml_import_language_code', $code);
			update_post_meta($id, '_wpml_import_source_language_code', $code == 'ru' ? '' : 'ru');
			update_post_meta($id, '_wpml_import_translation_group', "group-$g");
		} else {
			wp_set_object_terms($id, $code, 'language');
		}
		$ids[$code] = $id;
		$posts++;
	}
	$prevIDs = $ids;
	if (!$wpml && count($ids) > 1) {
		// Polylang: one post_translations term per group.
		$name = uniqid('pll_');
		wp_insert_term($name, 'post_translations', ['description' => serialize($ids)]);
		foreach ($ids as $id) {
			wp_set_object_terms($id, $name, 'post_translations');
		}
	}
}
// Duplicate slugs: WordPress adds "-2" to a second post of the same
// slug; Polylang lets translations share it. Write it as Polylang does.
$wpdb->query("UPDATE {$wpdb->posts} SET post_name = 'same-slug' WHERE post_name LIKE 'same-slug-%'");

// Pages: a translated "About", a child page, a draft page.
$pages = [];
foreach (['ru' => 'О проекте', 'ky' => 'Долбоор жөнүндө', 'en' => 'About the project'] as $code => $title) {
	$pages[$code] = wp_insert_post([
		'post_type' => 'page', 'post_title' => $title, 'post_status' => 'publish',
		'post_content' => "<!-- wp:heading -->\n<h2>$title</h2>\n<!-- /wp:heading -->\n<!-- wp:paragraph --><p>Text of the page ($code).</p><!-- /wp:paragraph -->",
		'post_author' => $uid['admin'], 'post_date' => '2022-02-02 09:00:00', 'menu_order' => 1,
	]);
	wp_set_object_terms($pages[$code], $code, 'language');
}
$name = uniqid('pll_');
wp_insert_term($name, 'post_translations', ['description' => serialize($pages)]);
foreach ($pages as $id) {
	wp_set_object_terms($id, $name, 'post_translations');
}
$childPage = wp_insert_post([
	'post_type' => 'page', 'post_title' => 'Команда', 'post_status' => 'publish', 'post_parent' => $pages['ru'],
	'post_content' => 'Наша команда.', 'post_author' => $uid['ivan'], 'post_date' => '2022-03-03 09:00:00',
]);
wp_set_object_terms($childPage, 'ru', 'language');
set_post_thumbnail($childPage, $img);
$draftPage = wp_insert_post([
	'post_type' => 'page', 'post_title' => 'Черновик страницы', 'post_status' => 'draft',
	'post_content' => 'Ещё не готово.', 'post_author' => $uid['ivan'],
]);
wp_set_object_terms($draftPage, 'ru', 'language');
$trashed = wp_insert_post(['post_type' => 'post', 'post_title' => 'Удалённая', 'post_status' => 'publish', 'post_content' => 'x']);
wp_trash_post($trashed);

// A menu, whose items the importer skips.
$menu = wp_create_nav_menu('Main');
wp_update_nav_menu_item($menu, 0, ['menu-item-object-id' => $pages['ru'], 'menu-item-object' => 'page', 'menu-item-type' => 'post_type', 'menu-item-status' => 'publish']);

fwrite(STDERR, "$posts posts\n");
ob_start();
export_wp(['content' => 'all']);
$xml = ob_get_clean();
echo $xml;
