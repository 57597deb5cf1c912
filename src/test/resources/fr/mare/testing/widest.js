// The element that sticks out furthest to the right of the window, outside any box that scrolls
// or clips it: the one that makes the page scroll sideways (WCAG 1.4.10). Empty when none does.
var limit = arguments[0] || window.innerWidth, worst = null, right = limit;
function clipped(e) {
    for (var p = e.parentElement; p && p !== document.documentElement; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') { return true; }
    }
    return false;
}
document.querySelectorAll('body *').forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > right + 0.5 && !clipped(e)) { right = r.right; worst = e; }
});
if (!worst) { return ''; }
var path = [];
for (var p = worst; p && p !== document.body && path.length < 4; p = p.parentElement) {
    path.unshift(p.tagName.toLowerCase() + (p.id ? '#' + p.id : '') + (p.classList.length ? '.' + Array.from(p.classList).join('.') : ''));
}
return path.join(' > ') + ' ends at ' + Math.round(right) + ' px («' + (worst.textContent || worst.value || '').trim().slice(0, 40) + '»)';
