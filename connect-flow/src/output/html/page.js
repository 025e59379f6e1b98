// The report's only script: a click on a finding shows its block, and, for
// tests, a self-check of the page's own layout. It reads the page and never
// writes markup: text from the flow is only ever in the server-escaped HTML.
(function () {
  'use strict';

  function blocksOf(section, id) {
    return Array.prototype.filter.call(
      section.querySelectorAll('.block[data-block-id]'),
      function (block) { return block.getAttribute('data-block-id') === id; });
  }

  function findingsOf(section, id) {
    return Array.prototype.filter.call(
      section.querySelectorAll('.finding[data-block-id]'),
      function (item) { return item.getAttribute('data-block-id') === id; });
  }

  var scrollBehavior = 'smooth';

  function show(item) {
    var section = item.closest('section.flow');
    if (!section) { return; }
    document.querySelectorAll('.highlight').forEach(function (e) {
      e.classList.remove('highlight');
    });
    var blocks = blocksOf(section, item.getAttribute('data-block-id'));
    item.classList.add('highlight');
    blocks.forEach(function (block) { block.classList.add('highlight'); });
    if (blocks.length > 0) {
      blocks[0].scrollIntoView({ block: 'center', inline: 'center', behavior: scrollBehavior });
    }
  }

  document.addEventListener('click', function (event) {
    var item = event.target.closest('.finding[data-block-id]');
    if (item) { show(item); }
  });
  document.addEventListener('keydown', function (event) {
    var item = event.target.closest && event.target.closest('.finding[data-block-id]');
    if (item && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      show(item);
    }
  });

  function worst(items) {
    return items.some(function (i) { return i.classList.contains('error'); }) ? 'error' : 'warning';
  }

  function intersects(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  // Checks, from the page as the browser laid it out, what a reader relies
  // on; the verdict goes into #selftest as JSON.
  function selftest(opened) {
    var problems = [];
    var page = document.documentElement;
    var blocks = Array.prototype.slice.call(document.querySelectorAll('.block[data-block-id]'));
    // Each drawing sits in a scrolling pane: the pane is on the page, and
    // the pane scrolls over the whole drawing.
    document.querySelectorAll('.pane').forEach(function (pane, p) {
      var r = pane.getBoundingClientRect();
      var canvas = pane.querySelector('.canvas');
      if (r.left + scrollX < 0 || r.top + scrollY < 0 ||
          r.right + scrollX > page.scrollWidth + 1 || r.bottom + scrollY > page.scrollHeight + 1) {
        problems.push('drawing ' + p + ' is outside the page');
      }
      if (!canvas || pane.scrollWidth < canvas.offsetWidth || pane.scrollHeight < canvas.offsetHeight) {
        problems.push('drawing ' + p + ' cannot be scrolled over whole');
      }
    });
    var boxes = blocks.map(function (block, n) {
      var style = getComputedStyle(block);
      if (style.display === 'none' || style.visibility !== 'visible' || Number(style.opacity) === 0 ||
          block.offsetWidth === 0 || block.offsetHeight === 0) {
        problems.push('block ' + n + ' is not visible');
      }
      var canvas = block.closest('.canvas');
      var box = {
        canvas: canvas,
        left: block.offsetLeft, top: block.offsetTop,
        right: block.offsetLeft + block.offsetWidth, bottom: block.offsetTop + block.offsetHeight
      };
      if (!canvas || box.left < 0 || box.top < 0 ||
          box.right > canvas.offsetWidth || box.bottom > canvas.offsetHeight) {
        problems.push('block ' + n + ' is outside its drawing');
      }
      // Brought into view, nothing covers its middle.
      block.scrollIntoView({ block: 'center', inline: 'center' });
      var r = block.getBoundingClientRect();
      var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !block.contains(hit)) {
        problems.push('block ' + n + ' is covered');
      }
      return box;
    });
    var overlaps = 0;
    for (var i = 0; i < boxes.length; i++) {
      for (var j = i + 1; j < boxes.length; j++) {
        if (boxes[i].canvas === boxes[j].canvas && intersects(boxes[i], boxes[j])) {
          overlaps++;
          if (overlaps <= 5) { problems.push('blocks ' + i + ' and ' + j + ' overlap'); }
        }
      }
    }
    var findings = document.querySelectorAll('.finding');
    var marked = 0;
    var unplaced = 0;
    findings.forEach(function (item, n) {
      if (!item.hasAttribute('data-code') || !item.hasAttribute('data-block-id')) {
        problems.push('finding ' + n + ' lacks data-code or data-block-id');
        return;
      }
      var section = item.closest('section.flow');
      var id = item.getAttribute('data-block-id');
      if (!section || id === '') { return; }
      var onBlock = blocksOf(section, id);
      if (onBlock.length === 0) {
        if (item.hasAttribute('data-unplaced')) { unplaced++; } else {
          problems.push('finding ' + n + ' names no block of its flow');
        }
        return;
      }
      var listed = findingsOf(section, id);
      var ok = onBlock.every(function (block) {
        var badge = block.querySelector('.badge');
        var tip = block.querySelector('.tip [data-code="' + item.getAttribute('data-code') + '"]');
        return badge && Number(badge.getAttribute('data-count')) === listed.length &&
          badge.classList.contains(worst(listed)) && tip !== null;
      });
      if (ok) { marked++; } else { problems.push('finding ' + n + ' is not marked on its block'); }
    });
    // A click on a listed finding highlights its block and scrolls it into
    // its pane's view; focus (as hover) opens a block's tip.
    var shown = 0;
    var clipped = 0;
    scrollBehavior = 'auto';
    document.querySelectorAll('section.flow .finding[data-block-id]').forEach(function (item, n) {
      var section = item.closest('section.flow');
      var block = blocksOf(section, item.getAttribute('data-block-id'))[0];
      if (!block) { return; }
      item.click();
      var pane = block.closest('.pane').getBoundingClientRect();
      var r = block.getBoundingClientRect();
      var x = r.left + r.width / 2;
      var y = r.top + r.height / 2;
      var inView = x > pane.left && x < pane.right && y > pane.top && y < pane.bottom;
      block.focus();
      var tipElement = block.querySelector('.tip');
      var tip = getComputedStyle(tipElement).display;
      // The tip's messages and help wrap within it, as the list's do.
      if (tipElement.scrollWidth > tipElement.clientWidth + 1) { clipped++; }
      block.blur();
      if (block.classList.contains('highlight') && item.classList.contains('highlight') && inView &&
          tip === 'block') {
        shown++;
      } else {
        problems.push('clicking finding ' + n + ' does not show its block');
      }
    });
    document.querySelectorAll('.highlight').forEach(function (e) { e.classList.remove('highlight'); });
    // Errors are listed before warnings in every list.
    document.querySelectorAll('.findings-list').forEach(function (list, l) {
      var warned = false;
      Array.prototype.forEach.call(list.querySelectorAll('.finding'), function (item) {
        if (item.classList.contains('warning')) { warned = true; }
        if (item.classList.contains('error') && warned) {
          problems.push('list ' + l + ' has an error after a warning');
        }
      });
    });
    // Text in the findings wraps: nothing is cut at the list's edge.
    document.querySelectorAll('.finding, .finding p, .finding .where').forEach(function (e) {
      if (e.scrollWidth > e.clientWidth + 1) { clipped++; }
    });
    document.querySelectorAll('aside.findings, header.summary').forEach(function (e) {
      if (e.scrollWidth > e.clientWidth + 1) { clipped++; }
    });
    if (clipped > 0) { problems.push(clipped + ' findings texts are cut'); }
    // Branch labels: each inside its block, none on another.
    var labels = [];
    document.querySelectorAll('.block[data-block-id] .port').forEach(function (port) {
      var r = port.getBoundingClientRect();
      var block = port.closest('.block').getBoundingClientRect();
      if (r.left < block.left - 1 || r.right > block.right + 1 || r.top < block.top - 1 ||
          r.bottom > block.bottom + 1) {
        problems.push('a branch label is outside its block');
      }
      // From its drawing's top left: panes scroll, drawings do not.
      var canvas = port.closest('.canvas');
      var c = canvas.getBoundingClientRect();
      labels.push({ canvas: canvas, left: r.left - c.left, top: r.top - c.top,
        right: r.right - c.left, bottom: r.bottom - c.top });
    });
    var labelOverlaps = 0;
    for (var a = 0; a < labels.length; a++) {
      for (var b = a + 1; b < labels.length; b++) {
        if (labels[a].canvas === labels[b].canvas && intersects(labels[a], labels[b])) {
          labelOverlaps++;
        }
      }
    }
    if (labelOverlaps > 0) { problems.push(labelOverlaps + ' branch labels overlap'); }
    // A transfer's link goes to the section of the flow it names.
    var transfers = [];
    document.querySelectorAll('.block a.transfer').forEach(function (link) {
      var target = document.getElementById(link.getAttribute('href').slice(1));
      if (!target || !target.matches('section.flow') ||
          link.getAttribute('data-transfer-to') !== target.id) {
        problems.push('a transfer link goes nowhere');
        return;
      }
      transfers.push({ from: link.closest('.block').getAttribute('data-block-id'),
        to: target.getAttribute('data-path') });
    });
    var resources = performance.getEntriesByType('resource').length;
    if (resources !== 0) { problems.push(resources + ' resources were fetched'); }
    var csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    var policy = csp ? csp.getAttribute('content') : '';
    if (policy.indexOf("default-src 'none'") !== 0) { problems.push('no default-src none policy'); }
    scrollTo(0, 0);
    var canvases = Array.prototype.slice.call(document.querySelectorAll('.canvas'));
    var verdict = {
      ok: problems.length === 0,
      problems: problems.slice(0, 20),
      blocks: blocks.length,
      findings: findings.length,
      marked: marked,
      shown: shown,
      unplaced: unplaced,
      overlaps: overlaps,
      labelOverlaps: labelOverlaps,
      clipped: clipped,
      transfers: transfers,
      opened: opened,
      // Each block's and branch label's box in its drawing, [drawing, left,
      // top, right, bottom], so a test can compare the geometry itself (a
      // large flow sends the first 400 of each).
      geometry: {
        blocks: boxes.slice(0, 400).map(function (b) {
          return [canvases.indexOf(b.canvas), b.left, b.top, b.right, b.bottom];
        }),
        labels: labels.slice(0, 400).map(function (l) {
          return [canvases.indexOf(l.canvas), Math.round(l.left), Math.round(l.top),
            Math.round(l.right), Math.round(l.bottom)];
        })
      },
      resources: resources,
      csp: policy,
      renderMs: Number(page.getAttribute('data-render-ms'))
    };
    document.getElementById('selftest').textContent = JSON.stringify(verdict);
  }

  // A drawing is often wider than the window: each pane opens with the
  // block of its first finding in view, so the mistake is what one sees;
  // errors are listed first, so that is an error where there is one.
  function openOnFirstFinding() {
    document.querySelectorAll('section.flow').forEach(function (section) {
      var pane = section.querySelector('.pane');
      var first = section.querySelector('.finding[data-block-id]');
      var block = first && blocksOf(section, first.getAttribute('data-block-id'))[0];
      if (!pane || !block) { return; }
      pane.scrollLeft = Math.max(0, block.offsetLeft + block.offsetWidth / 2 - pane.clientWidth / 2);
      pane.scrollTop = Math.max(0, block.offsetTop + block.offsetHeight / 2 - pane.clientHeight / 2);
    });
  }

  // The page opens on the first error (else the first finding): its flow
  // scrolled into the window, its block highlighted in the pane's view, and
  // the listed finding focused, so Enter or a Tab goes on from there.
  function openOnFirstError() {
    var first = document.querySelector('section.flow .finding.error') ||
      document.querySelector('.finding.error') || document.querySelector('.finding');
    if (!first) { return null; }
    var section = first.closest('section.flow');
    var block = section && blocksOf(section, first.getAttribute('data-block-id'))[0];
    // The window moves only if the finding or its block is out of sight,
    // so a report whose first error is already in view opens at its top.
    var hidden = [first, block].some(function (e) {
      if (!e) { return false; }
      var r = e.getBoundingClientRect();
      return r.top < 0 || r.bottom > innerHeight;
    });
    if (hidden) {
      scrollTo(0, (section || first).getBoundingClientRect().top + scrollY);
    }
    if (block) { block.classList.add('highlight'); }
    first.classList.add('highlight');
    first.focus({ preventScroll: true });
    return first;
  }

  // What the reader sees on opening, for the self-check.
  function openedState(first) {
    if (!first) { return null; }
    var inWindow = function (r) {
      return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
    };
    var section = first.closest('section.flow');
    var block = section && blocksOf(section, first.getAttribute('data-block-id'))[0];
    var blockInView = false;
    if (block) {
      var pane = block.closest('.pane').getBoundingClientRect();
      var r = block.getBoundingClientRect();
      var x = r.left + r.width / 2;
      var y = r.top + r.height / 2;
      blockInView = x > pane.left && x < pane.right && y > pane.top && y < pane.bottom &&
        y > 0 && y < innerHeight && block.classList.contains('highlight');
    }
    return {
      code: first.getAttribute('data-code'),
      blockId: first.getAttribute('data-block-id'),
      severity: first.classList.contains('error') ? 'error' : 'warning',
      flow: section ? section.getAttribute('data-path') : null,
      focused: document.activeElement === first,
      listedInView: inWindow(first.getBoundingClientRect()),
      windowScrolled: scrollY,
      blockInView: blockInView
    };
  }

  window.addEventListener('load', function () {
    // Reading a layout property makes the browser finish style and layout:
    // the time to here is the time to a drawn report.
    void document.documentElement.offsetHeight;
    document.documentElement.setAttribute('data-render-ms', performance.now().toFixed(1));
    openOnFirstFinding();
    var first = openOnFirstError();
    if (location.hash === '#selftest') { selftest(openedState(first)); }
  });
})();
