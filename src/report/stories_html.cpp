#include "report/stories_html.h"

#include <nlohmann/json.hpp>

#include "report/escape.h"
#include "report/stories_report.h"

namespace faultline::report {
namespace {

using nlohmann::ordered_json;

const char* kStoriesStyle = R"CSS(
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#263238;color:#fff}
header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;color:#cfd8dc}
main{padding:12px 20px;display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:16px}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 14px;margin-bottom:16px}
h2{font-size:16px;margin:4px 0 8px}h3{font-size:15px;margin:4px 0 6px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:3px 6px;border-bottom:1px solid #eee;font-size:13px}
#storylist tr.story{cursor:pointer}#storylist tr.story:hover{background:#f3f6f8}
#storylist tr.sel{background:#e3ecf3}
.note{color:#666;font-size:12px}
.chain{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.doc{border-left:3px solid #90a4ae;padding:4px 10px;margin:0 0 12px}
.doc.origin{border-left-color:#1f5fa8}
.keeps{color:#2e7d32}.drops{color:#b23b16}.adds{color:#1f5fa8}
ul.claims{list-style:none;margin:0 0 4px 0;padding:0;display:inline}
ul.claims li{display:inline}ul.claims li:not(:last-child)::after{content:" \00b7  "}
#storylist td:nth-child(2){white-space:nowrap}
input{font:inherit}
)CSS";

const char* kStoriesScript = R"JS(
(function(){
'use strict';
var D=JSON.parse(document.getElementById('stories-data').textContent);
function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;if(text!==undefined&&text!==null)e.textContent=String(text);return e;}
var byId={};D.stories.forEach(function(s){byId[s.id]=s;});
var selected=D.stories.length?D.stories[0].id:null,filter='';
function matches(s){if(!filter)return true;var f=filter.toLowerCase();
  return s.documents.some(function(d){return (d.title||'').toLowerCase().indexOf(f)>=0||(d.outlet||'').toLowerCase().indexOf(f)>=0;})||(s.origin.outlet||'').toLowerCase().indexOf(f)>=0;}
function renderList(){
  var t=document.getElementById('storylist');t.textContent='';
  var head=el('tr');['story','dates','docs','outlets','origins','origin','first title'].forEach(function(h){head.appendChild(el('th',null,h));});t.appendChild(head);
  var shown=0;
  D.stories.forEach(function(s){if(!matches(s))return;shown++;
    var tr=el('tr','story'+(s.id===selected?' sel':''));
    [s.id,(s.first||'undated')+(s.last&&s.last!==s.first?' .. '+s.last:''),s.documents.length,s.outlets.length,s.origins,
     (s.origin.outlet||'?')+(s.origin.date?', '+s.origin.date:''),s.documents[0].title||s.documents[0].file].forEach(function(v){tr.appendChild(el('td',null,v));});
    tr.addEventListener('click',function(){selected=s.id;location.hash='story='+encodeURIComponent(s.id);renderList();renderStory();});
    t.appendChild(tr);});
  document.getElementById('listnote').textContent=shown+' of '+D.stories.length+' stories listed'+(D.hidden?'; '+D.hidden+' more not included (--min-documents, --top)':'')+'.';
}
function claims(box,cls,what,items){if(!items||!items.length)return;
  var p=el('div',cls,what+' ('+items.length+'): ');var ul=el('ul','claims');items.forEach(function(i){ul.appendChild(el('li',null,i));});p.appendChild(ul);box.appendChild(p);}
function renderStory(){
  var box=document.getElementById('story');box.textContent='';
  var s=selected&&byId[selected];if(!s){box.appendChild(el('p','note','Click a story to see its documents.'));return;}
  box.appendChild(el('h3',null,s.id+': '+s.documents.length+' document(s), '+s.outlets.length+' outlet(s), '+s.origins+' independent origin(s)'));
  box.appendChild(el('p',null,'Origin: '+(s.origin.outlet||'unknown')+(s.origin.date?', '+s.origin.date:'')+(s.origin.doc?' (its report is '+s.origin.doc+')':' (its report is not among the documents)')));
  s.documents.forEach(function(d){
    var div=el('div','doc'+(d.id===s.origin.doc?' origin':''));
    var h=el('div');h.appendChild(el('strong',null,(d.date||'undated')+'  '+(d.outlet||'(no outlet)')+'  '));h.appendChild(el('span',null,d.title||d.file));div.appendChild(h);
    var meta=[d.id];if(d.linked_to)meta.push('linked to '+d.linked_to+' ('+Number(d.score).toFixed(2)+')');if(d.url)meta.push(d.url);
    div.appendChild(el('div','note',meta.join(' \u00b7 ')));
    if(d.chain.length>1)div.appendChild(el('div','chain','chain: '+d.chain.map(function(c){return c.outlet+(c.date?' ('+c.date+')':'');}).join(' \u2190 ')));
    if(d.framing&&d.framing.length)div.appendChild(el('div','note','terms: '+d.framing.map(function(f){return f.term+' ('+f.variant+') '+f.count;}).join(', ')));
    claims(div,'keeps','keeps',d.keeps);claims(div,'drops','drops',d.drops);claims(div,'adds','adds',d.adds);
    box.appendChild(div);});
  if(s.documents.length>1&&!D.with_statements)box.appendChild(el('p','note','Statements were not extracted (--no-statements): keeps, drops and adds compare quotes only.'));
}
function renderFraming(){
  var t=document.getElementById('framing');t.textContent='';
  var head=el('tr');['outlet','documents','terms chosen'].forEach(function(h){head.appendChild(el('th',null,h));});t.appendChild(head);
  D.framing.forEach(function(f){if(!f.terms.length)return;var tr=el('tr');
    [f.outlet,f.documents,f.terms.map(function(x){return x.term+' ('+x.concept+': '+x.variant+') '+x.count;}).join('; ')].forEach(function(v){tr.appendChild(el('td',null,v));});t.appendChild(tr);});
  var d=document.getElementById('distinctive');d.textContent='';
  var h2=el('tr');['outlet','words','most distinctive (z)'].forEach(function(h){h2.appendChild(el('th',null,h));});d.appendChild(h2);
  D.distinctive_terms.outlets.forEach(function(o){var tr=el('tr');
    [o.outlet,o.words,o.terms.length?o.terms.map(function(x){return x.term+' '+Number(x.z).toFixed(1);}).join(', '):'(none)'].forEach(function(v){tr.appendChild(el('td',null,v));});d.appendChild(tr);});
  document.getElementById('method').textContent=D.distinctive_terms.method+'; z \u2265 1.96.';
}
document.getElementById('filter').addEventListener('input',function(e){filter=e.target.value;renderList();});
location.hash.replace(/^#/,'').split('&').forEach(function(kv){var i=kv.indexOf('=');if(i<0)return;
  if(kv.slice(0,i)==='story'){var v=decodeURIComponent(kv.slice(i+1));if(byId[v])selected=v;}});
renderList();renderStory();renderFraming();
document.body.setAttribute('data-rendered','yes');
})();
)JS";

}  // namespace

void WriteStoriesHtml(const stories::StoryCollection& c, const stories::OutletList& outlets,
                      const StoriesHtmlOptions& o, std::ostream& out) {
  ordered_json data = StoriesToJson(c, outlets);
  // Only the stories listed travel in the page (a big corpus has thousands of single ones).
  ordered_json listed = ordered_json::array();
  size_t hidden = 0;
  for (auto& s : data["stories"]) {
    if (s["documents"].size() < o.min_documents || (o.top > 0 && listed.size() >= o.top)) {
      ++hidden;
      continue;
    }
    listed.push_back(std::move(s));
  }
  data["stories"] = std::move(listed);
  data["hidden"] = hidden;
  const ordered_json& sum = data["summary"];
  const std::string summary = std::to_string(sum["documents"].get<size_t>()) + " documents, " +
                              std::to_string(sum["stories"].get<size_t>()) + " stories, " +
                              std::to_string(sum["stories_with_several_documents"].get<size_t>()) +
                              " told by more than one document";
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
      << "<title>" << HtmlEscape(o.title) << "</title>\n<style>" << kStoriesStyle << "</style>\n</head>\n<body>\n"
      << "<header><h1>" << HtmlEscape(o.title) << "</h1><p id=\"summary\">" << HtmlEscape(summary)
      << "</p></header>\n<main>\n<div>\n"
      << "<section><h2>Stories</h2><label>Filter (title, outlet): <input id=\"filter\" type=\"search\"></label>"
         "<p id=\"listnote\" class=\"note\"></p><table id=\"storylist\"></table></section>\n"
      << "</div>\n<div>\n"
      << "<section><h2>Story</h2><div id=\"story\"></div></section>\n"
      << "<section><h2>Framing per outlet</h2><p class=\"note\">Contrasting term choices "
         "(data/stories/framing.yaml).</p><table id=\"framing\"></table></section>\n"
      << "<section><h2>Distinctive terms per outlet</h2><p id=\"method\" class=\"note\"></p>"
         "<table id=\"distinctive\"></table></section>\n"
      << "</div>\n</main>\n"
      << "<noscript><p>This page draws the stories with JavaScript; the same data: faultline stories "
         "--format json.</p></noscript>\n"
      << "<script type=\"application/json\" id=\"stories-data\">"
      << JsonForScript(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) << "</script>\n"
      << "<script>" << kStoriesScript << "</script>\n</body>\n</html>\n";
}

}  // namespace faultline::report
