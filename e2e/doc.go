// Package e2e holds datka's end-to-end tests: the real site, opened by
// app.Open on a freshly seeded database in a temporary folder and served on
// 127.0.0.1, driven by a real headless Chromium (through chromedp), checked
// by axe-core for WCAG 2.1 A and AA, and by the Nu Html Checker (vnu.jar)
// for valid HTML.
//
// The package has no code of its own: everything is in its tests. They need
// /usr/bin/chromium, java, and the npm packages of package.json (run
// `npm ci` at the top of the repository). A laptop without them skips the
// tests that need them; CI (CI=true) fails them, see internal/testenv.
//
// DATKA_ARTIFACTS names a folder for the screenshots the tests take; by
// default they go to a temporary folder that is removed after the test.
package e2e
