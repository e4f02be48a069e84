#include "report/html_report.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/escape.h"
#include "report/json_report.h"

namespace faultline::report {
namespace {

using nlohmann::json;

// Outlets whose own camps and shifts the page carries (those with most statements): each
// is a map of its own, built again from its statements.
constexpr size_t kOutletViews = 40;

// Actors whose ties the page embeds at most (per view): the camp matrix draws a square per
// pair, and a network of 1,000 actors is half a million ties, tens of MB of page that no
// browser draws usefully. The full network stays in `map --format json` and graphml.
constexpr size_t kPageNetworkActors = 150;
// The same for each outlet's view: up to kOutletViews of them, so 150 each made 13 MB of
// the page of a map of 2,000 actors from 30 outlets.
constexpr size_t kOutletNetworkActors = 50;

// `view`'s ties among the `limit` network actors of `m` with the most statements; when
// that leaves some out, `view` gets "shown_actors" (the kept ones) and a note saying what
// was left out, which the page prints under the camps.
void TrimTiesForPage(const map::Map& m, json& view, size_t limit) {
  const std::vector<std::string>& actors = m.networks.actors;
  if (actors.size() <= limit) return;
  std::map<std::string, long> statements;
  for (const map::Cell& c : m.cells) statements[c.actor] += c.count;
  std::vector<std::string> kept = actors;
  std::stable_sort(kept.begin(), kept.end(),
                   [&](const auto& a, const auto& b) { return statements[a] > statements[b]; });
  kept.resize(limit);
  std::sort(kept.begin(), kept.end());
  json& ties = view["ties"];
  const size_t all = ties.size();
  json shown = json::array();
  for (auto& t : ties)
    if (std::binary_search(kept.begin(), kept.end(), t["source"].get<std::string>()) &&
        std::binary_search(kept.begin(), kept.end(), t["target"].get<std::string>()))
      shown.push_back(std::move(t));
  view["ties_note"] = "ties drawn among the " + std::to_string(limit) +
                      " actors with the most statements; the other " + std::to_string(actors.size() - limit) +
                      " actors of the networks and " + std::to_string(all - shown.size()) +
                      " ties left out of this page (all of them: faultline map --format json or graphml)";
  ties = std::move(shown);
  view["shown_actors"] = std::move(kept);
}

// The `max_actors` actors of `m` with the most statements (ties: by code), sorted; all of
// them when there are no more (or max_actors is 0).
std::vector<std::string> PageActors(const map::Map& m, size_t max_actors) {
  std::map<std::string, long> statements;
  for (const map::Cell& c : m.cells) statements[c.actor] += c.count;
  std::vector<std::string> kept;
  for (const auto& [actor, n] : statements) kept.push_back(actor);
  if (max_actors == 0 || kept.size() <= max_actors) return kept;
  std::stable_sort(kept.begin(), kept.end(),
                   [&](const auto& a, const auto& b) { return statements[a] > statements[b]; });
  kept.resize(max_actors);
  std::sort(kept.begin(), kept.end());
  return kept;
}

// Drops from the array `items` those whose "actor" is not in `kept` (sorted).
void KeepActors(json& items, const std::vector<std::string>& kept) {
  json shown = json::array();
  for (auto& it : items)
    if (std::binary_search(kept.begin(), kept.end(), it["actor"].get<std::string>())) shown.push_back(std::move(it));
  items = std::move(shown);
}

// The camps, ties and shifts of each outlet's statements alone, so that choosing an outlet
// redraws them as that outlet reports the debate. Statement ids are those of `m`. Shifts
// are those of the `kept` actors (the heat map's).
json OutletViews(const map::Map& m, size_t max_outlets, const std::vector<std::string>& kept) {
  std::map<std::string, std::vector<size_t>> ids_of;  // outlet -> indices into m.statements
  for (size_t i = 0; i < m.statements.size(); ++i)
    if (!m.statements[i].outlet.empty()) ids_of[m.statements[i].outlet].push_back(i);
  std::vector<std::pair<size_t, std::string>> ranked;
  for (const auto& [outlet, ids] : ids_of) ranked.emplace_back(ids.size(), outlet);
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (ranked.size() > max_outlets) ranked.resize(max_outlets);
  json views = json::object();
  for (const auto& [n, outlet] : ranked) {
    const std::vector<size_t>& ids = ids_of[outlet];
    std::vector<Statement> own;
    own.reserve(ids.size());
    for (size_t i : ids) own.push_back(m.statements[i]);
    map::MapOptions o = m.options;
    o.outlet.clear();  // `own` is already the outlet's
    const map::Map om = map::BuildMap(std::move(own), o);
    json v = MapToJson(om, false);
    json shifts = json::array(), timelines = json::object();
    auto global_ids = [&](json ws) {
      json g = json::array();
      for (const auto& id : ws["statements"]) g.push_back(ids[id.get<size_t>() - 1] + 1);
      ws["statements"] = std::move(g);
      return ws;
    };
    for (const auto& sh : v["shifts"]) {
      if (!std::binary_search(kept.begin(), kept.end(), sh["actor"].get<std::string>())) continue;
      shifts.push_back({{"actor", sh["actor"]}, {"issue", sh["issue"]}, {"from", global_ids(sh["from"])},
                        {"to", global_ids(sh["to"])}});
      const map::Cell* c = om.FindCell(sh["actor"].get<std::string>(), sh["issue"].get<std::string>());
      json tl = json::array();
      for (const auto& w : c->timeline) tl.push_back({{"window", w.window}, {"stance", w.stance}, {"count", w.count}});
      timelines[sh["actor"].get<std::string>() + '\x1f' + sh["issue"].get<std::string>()] = std::move(tl);
    }
    json view = {{"camps", v["camps"]}, {"ties", v["networks"]["ties"]}, {"camp_detection", v["camp_detection"]},
                 {"shifts", std::move(shifts)}, {"timelines", std::move(timelines)}};
    TrimTiesForPage(om, view, kOutletNetworkActors);
    views[outlet] = std::move(view);
  }
  return views;
}

// The page's data: the map's JSON with statement lists capped per cell (the count of the
// rest kept as "more"), and only the statements still referred to. The cap shrinks on big
// maps so that about `budget` statements are embedded; an outlet's view of a cell points at
// those of the cell's embedded statements that the outlet reported.
json PageData(const map::Map& m, size_t cap, size_t budget, size_t max_actors) {
  json j = MapToJson(m, false);
  // A big map shows its best-evidenced actors: their rows, shifts and evidence; the
  // camps and networks keep their own caps (TrimTiesForPage).
  const std::vector<std::string> kept = PageActors(m, max_actors);
  const size_t all_actors = j["summary"]["actors"].size();
  if (kept.size() < all_actors) {
    KeepActors(j["cells"], kept);
    KeepActors(j["shifts"], kept);
    for (auto& o : j["outlets"]) KeepActors(o["cells"], kept);
    j["actors_note"] = "showing " + std::to_string(kept.size()) + " of " + std::to_string(all_actors) +
                       " actors, those with the most statements; the rest in the JSON/CSV output "
                       "(faultline map --format json or csv) or with --max-html-actors";
  }
  if (!j["cells"].empty()) cap = std::max<size_t>(3, std::min(cap, budget / j["cells"].size()));
  std::set<size_t> used;
  auto trim = [&](json& holder, size_t limit) {
    json& ids = holder["statements"];
    size_t n = ids.size();
    if (n > limit) {
      json kept = json::array();
      for (size_t k = 0; k < limit; ++k) kept.push_back(ids[k]);
      ids = std::move(kept);
    }
    holder["more"] = n > limit ? n - limit : 0;
    for (const auto& id : ids) used.insert(id.get<size_t>());
  };
  for (auto& c : j["cells"]) {
    trim(c, cap);
    for (auto& w : c["timeline"]) w.erase("statements");
  }
  for (auto& s : j["shifts"]) {
    trim(s["from"], 2);
    trim(s["to"], 2);
  }
  for (auto& o : j["outlets"])
    for (auto& c : o["cells"]) {
      json& ids = c["statements"];
      size_t n = ids.size();
      json kept = json::array();
      for (const auto& id : ids)
        if (used.count(id.get<size_t>())) kept.push_back(id);
      c["more"] = n - kept.size();
      for (const auto& id : kept) used.insert(id.get<size_t>());
      ids = std::move(kept);
    }
  json statements = json::object();
  for (size_t id : used) statements[std::to_string(id)] = StatementToJson(m.statements[id - 1], id);
  j["statements"] = std::move(statements);
  j["statements_embedded_per_cell"] = cap;
  TrimTiesForPage(m, j["networks"], kPageNetworkActors);
  j["by_outlet"] = OutletViews(m, kOutletViews, kept);
  return j;
}

const char* kStyle = R"CSS(
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#263238;color:#fff}
header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;color:#cfd8dc}
main{padding:12px 20px;display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px}
main>div{min-width:0}
@media (max-width:1100px){main{grid-template-columns:minmax(0,1fr)}}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 14px;margin-bottom:16px;min-width:0;overflow-wrap:anywhere}
.scroll{overflow:auto;max-width:100%}
#heatmap-panel{max-height:75vh}
#statements-panel{max-height:60vh}
#campgraph{width:100%;height:auto;display:block}
input[type=search]{width:100%;box-sizing:border-box;padding:4px 6px;margin:4px 0 8px}
#campmatrix td{width:14px;height:14px;padding:0;border:1px solid #fff}
#campmatrix th{font-size:10px;font-weight:400;padding:0 4px;text-align:right;white-space:nowrap}
h2{font-size:16px;margin:4px 0 8px}
table{border-collapse:collapse}
#heatmap th,#heatmap td{border:1px solid #eee;text-align:center;padding:0}
#heatmap th{font-weight:600;padding:4px 6px;font-size:12px;background:#f5f5f5}
#heatmap th.actor{text-align:left}
#heatmap .label{font-weight:400;font-size:11px;color:#555}
#heatmap td.cell{width:44px;height:34px;cursor:pointer}
#heatmap td.cell.sel{outline:3px solid #263238}
#heatmap td.empty{background:#fcfcfc}
.dot{display:inline-block;border-radius:50%;border:1px solid rgba(0,0,0,.25);vertical-align:middle}
.legend span{display:inline-block;padding:1px 6px;margin-right:4px;border-radius:3px;font-size:12px}
#evidence li{margin-bottom:8px}
.sentence{display:block}
.meta{display:block;color:#666;font-size:12px}
.pro{color:#1f5fa8;font-weight:600}.con{color:#b23b16;font-weight:600}
.note{color:#666;font-size:12px}
#statements{table-layout:fixed;width:100%}
#statements td,#statements th{border-bottom:1px solid #eee;padding:3px 6px;vertical-align:top;font-size:12px;text-align:left;overflow-wrap:anywhere}
#statements th:nth-child(1){width:3em}#statements th:nth-child(2){width:6.5em}#statements th:nth-child(5){width:3em}
#shiftlist li{margin-bottom:4px}
svg text{font-size:11px}
)CSS";

const char* kScript = R"JS(
(function(){
'use strict';
var D=JSON.parse(document.getElementById('map-data').textContent);
function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;if(text!==undefined&&text!==null)e.textContent=String(text);return e;}
function svgEl(tag,attrs){var e=document.createElementNS('http://www.w3.org/2000/svg',tag);for(var k in attrs)e.setAttribute(k,String(attrs[k]));return e;}
function fmt(s){return (s>0?'+':s<0?'':'\u00a0')+Number(s).toFixed(2);}
function colour(s){ // diverging: orange-red (against) .. grey .. blue (for)
  var t=Math.max(-1,Math.min(1,s)),a=Math.abs(t);
  var g=[224,224,224],p=[31,95,168],n=[178,59,22],c=t>=0?p:n;
  return 'rgb('+[0,1,2].map(function(i){return Math.round(g[i]+(c[i]-g[i])*a);}).join(',')+')';}
// Names from the knowledge base and codebook beside the codes ("POL (Poland)").
function aname(a){var n=D.names.actors[a];return n&&n!==a?a+' ('+n+')':a;}
function ilabel(i){var t=D.names.issues[i];return t&&t.label&&t.label!==i?i+' ('+t.label+')':i;}
var outlet='';
var byKey={};D.cells.forEach(function(c){byKey[c.actor+'\u001f'+c.issue]=c;});
var outletKey={};D.outlets.forEach(function(o){o.cells.forEach(function(c){outletKey[o.outlet+'\u001f'+c.actor+'\u001f'+c.issue]=c;});});
function cellFor(a,i){return outlet?outletKey[outlet+'\u001f'+a+'\u001f'+i]:byKey[a+'\u001f'+i];}
var selected=null;

// Actor rows grouped by camp, so that camps read as blocks in the heatmap.
var actorOrder=[],campOf={};
// On a big map the page holds the cells of its best-evidenced actors only (D.actors_note).
var onPage={};D.cells.forEach(function(c){onPage[c.actor]=1;});
D.camps.forEach(function(c,k){c.actors.forEach(function(a){campOf[a]=k+1;if(onPage[a])actorOrder.push(a);});});
D.summary.actors.forEach(function(a){if(!(a in campOf)&&onPage[a])actorOrder.push(a);});
if(D.actors_note)document.getElementById('actorsnote').textContent='The heat map is '+D.actors_note+'.';

function renderHeatmap(){
  var t=document.getElementById('heatmap');t.textContent='';
  // Dot size: independent origins (relays of one report count once), statements where a
  // cell has no origins (an outlet's view).
  function weight(c){return c.origins||c.count;}
  var maxN=1;D.cells.forEach(function(c){if(weight(c)>maxN)maxN=weight(c);});
  var head=el('tr');head.appendChild(el('th','actor','actor (camp)'));
  D.issues.forEach(function(is){var th=el('th',null,is.issue);th.title=(is.label?is.label+': ':'')+(is.proposition?'for = '+is.proposition+' ':'')+'(balance of for and against '+is.split.toFixed(2)+', contested '+is.contested.toFixed(1)+')';if(is.label)th.appendChild(el('div','label',is.label));th.appendChild(el('div','note','balance '+is.split.toFixed(2)));head.appendChild(th);});
  t.appendChild(head);
  actorOrder.forEach(function(a){
    var tr=el('tr'),th=el('th','actor',a+(campOf[a]?' \u00b7 camp '+campOf[a]:''));if(D.names.actors[a]&&D.names.actors[a]!==a)th.appendChild(el('div','label',D.names.actors[a]));tr.appendChild(th);
    D.issues.forEach(function(is){
      var c=cellFor(a,is.issue),td=el('td');
      if(!c){td.className='empty';tr.appendChild(td);return;}
      td.className='cell';td.setAttribute('data-actor',a);td.setAttribute('data-issue',is.issue);
      var size=Math.round(8+22*Math.sqrt(Math.min(1,weight(c)/maxN)));
      var dot=el('span','dot');dot.style.width=size+'px';dot.style.height=size+'px';dot.style.background=colour(c.stance);
      td.appendChild(dot);td.title=aname(a)+' on '+ilabel(is.issue)+': '+fmt(c.stance)+', '+c.count+' statement(s)'+(c.origins?' from '+c.origins+' independent origin(s)':'');
      td.addEventListener('click',function(){selected=[a,is.issue];renderHeatmap();renderEvidence();});
      if(selected&&selected[0]===a&&selected[1]===is.issue)td.className+=' sel';
      tr.appendChild(td);});
    t.appendChild(tr);});
}

function statementItem(id){
  var s=D.statements[String(id)];var li=el('li');if(!s)return li;
  li.appendChild(el('span',s.stance>0?'pro':'con',s.stance>0?'+1 ':'-1 '));
  li.appendChild(el('span','sentence',s.evidence||'(no evidence text)'));
  var meta=[s.outlet||'(no outlet)',s.date||'undated'];
  if(s.source)meta.push('reported by '+s.source);
  if(s.person)meta.push('person: '+s.person);
  if(s.rule)meta.push('rule: '+s.rule);if(s.cue)meta.push('cue: '+s.cue);
  meta.push('doc: '+s.doc);
  li.appendChild(el('span','meta',meta.join(' \u00b7 ')));
  return li;}

function renderEvidence(){
  var box=document.getElementById('evidence');box.textContent='';
  if(!selected){box.appendChild(el('p','note','Click a cell of the heatmap to see the statements behind it.'));return;}
  var c=cellFor(selected[0],selected[1]);
  box.appendChild(el('h3',null,aname(selected[0])+' on '+ilabel(selected[1])+(outlet?' (as '+outlet+' reports it)':'')));
  var prop=D.names.issues[selected[1]]&&D.names.issues[selected[1]].proposition;
  if(prop)box.appendChild(el('p','note proposition','For means: '+prop+' Against means the opposite.'));
  if(!c){box.appendChild(el('p','note','No statements'+(outlet?' in this outlet.':'.')));return;}
  var full=byKey[selected[0]+'\u001f'+selected[1]];
  box.appendChild(el('p',null,'net stance '+fmt(c.stance)+', '+c.count+' statement(s)'+(c.origins?' from '+c.origins+' independent origin(s)':'')+(full&&full.first?', '+full.first+(full.last!==full.first?' .. '+full.last:''):'')));
  if(!outlet&&full&&full.outlets.length>1){
    var p=el('p','note','By outlet: ');
    D.outlets.forEach(function(o){var oc=outletKey[o.outlet+'\u001f'+selected[0]+'\u001f'+selected[1]];if(oc)p.appendChild(el('span',oc.stance>0?'pro':oc.stance<0?'con':null,o.outlet+' '+fmt(oc.stance)+' ('+oc.count+')  '));});
    box.appendChild(p);}
  if(!outlet&&c.origin_groups&&c.origin_groups.length&&c.origin_groups.length<c.count){
    // Grouped by independent origin, as `faultline why` prints them.
    var shown={};c.statements.forEach(function(id){shown[id]=1;});
    c.origin_groups.forEach(function(g){
      box.appendChild(el('h4',null,'origin: '+g.origin+' \u2014 '+g.statements.length+' statement(s)'));
      var gl=el('ul');g.statements.forEach(function(id){if(shown[id])gl.appendChild(statementItem(id));});box.appendChild(gl);});
  }else{
    var ul=el('ul');c.statements.forEach(function(id){ul.appendChild(statementItem(id));});box.appendChild(ul);}
  if(c.more)box.appendChild(el('p','note',c.more+' more: faultline why '+selected[0]+' '+selected[1]+(outlet?' --outlet "'+outlet+'"':'')));
}

// The camps and ties of the whole map, or of one outlet's statements alone.
function campView(){
  var n=D.networks;
  if(!outlet)return {camps:D.camps,ties:n.ties,by_window:D.camps_by_window,detection:D.camp_detection,shown:n.shown_actors,note:n.ties_note};
  var v=D.by_outlet[outlet];
  return v?{camps:v.camps,ties:v.ties,by_window:[],detection:v.camp_detection,shown:v.shown_actors,note:v.ties_note}:null;}
function netTie(t){return t.congruence-t.conflict;}
// A graph of many actors, or of ties between most pairs, is a tangle: a matrix then,
// rows and columns in camp order, each square the agreement minus the disagreement.
function renderCampMatrix(view,box){
  // On a big map the page carries the ties of its best-evidenced actors only (view.shown).
  var shown=null;if(view.shown){shown={};view.shown.forEach(function(a){shown[a]=1;});}
  var order=[];view.camps.forEach(function(c){c.actors.forEach(function(a){if(!shown||shown[a])order.push(a);});});
  var tie={};view.ties.forEach(function(t){tie[t.source+'\u001f'+t.target]=t;tie[t.target+'\u001f'+t.source]=t;});
  var maxW=0;view.ties.forEach(function(t){maxW=Math.max(maxW,Math.abs(netTie(t)));});
  var campOfA={};view.camps.forEach(function(c,k){c.actors.forEach(function(a){campOfA[a]=k+1;});});
  var t=el('table');t.id='campmatrix';
  order.forEach(function(a){var tr=el('tr');var th=el('th',null,a+' \u00b7 '+campOfA[a]);th.title=aname(a);tr.appendChild(th);
    order.forEach(function(b){var td=el('td'),x=tie[a+'\u001f'+b];
      var w=x?netTie(x)/(maxW||1):0;td.style.background=a===b?'#263238':colour(w);
      td.title=aname(a)+' and '+aname(b)+(x?': agree '+x.congruence.toFixed(2)+', disagree '+x.conflict.toFixed(2):': no shared issue');
      tr.appendChild(td);});t.appendChild(tr);});
  box.appendChild(t);
  box.appendChild(el('p','note','Each square: how much two actors agree (blue) or disagree (red) across issues; rows in camp order, so camps show as blue blocks on the diagonal.'));}

function renderCamps(){
  var svg=document.getElementById('campgraph');svg.textContent='';
  var mbox=document.getElementById('campmatrix-box');mbox.textContent='';
  var info=document.getElementById('campinfo');info.textContent='';
  var view=campView();
  if(!view){svg.style.display='none';info.appendChild(el('p','note','Camps are computed for the '+Object.keys(D.by_outlet).length+' outlets with most statements; choose one of them, or all outlets.'));return;}
  var nActors=0;view.camps.forEach(function(c){nActors+=c.actors.length;});
  var dense=nActors>30||(nActors>1&&view.ties.length>0.5*nActors*(nActors-1)/2&&nActors>12);
  svg.style.display=dense?'none':'block';
  if(dense)renderCampMatrix(view,mbox);
  var W=520,H=420,cx=W/2,cy=H/2,pos={};
  var camps=view.camps,n=camps.length;
  camps.forEach(function(c,k){
    var R=n>1?Math.min(W,H)/2-70:0,ang=2*Math.PI*k/Math.max(n,1)-Math.PI/2;
    var ccx=cx+R*Math.cos(ang),ccy=cy+R*Math.sin(ang),r=c.actors.length>1?Math.min(55,12+9*c.actors.length):0;
    c.actors.forEach(function(a,j){var t=2*Math.PI*j/c.actors.length;pos[a]=[ccx+r*Math.cos(t),ccy+r*Math.sin(t),k];});});
  var maxW=0;view.ties.forEach(function(t){maxW=Math.max(maxW,t.congruence,t.conflict);});
  // A dense network would bury the camps: draw the strongest ties only.
  var ties=dense?[]:view.ties.slice().sort(function(a,b){return Math.max(b.congruence,b.conflict)-Math.max(a.congruence,a.conflict);}).slice(0,1500);
  ties.forEach(function(t){
    var a=pos[t.source],b=pos[t.target];if(!a||!b)return;
    if(t.congruence>0)svg.appendChild(svgEl('line',{x1:a[0],y1:a[1],x2:b[0],y2:b[1],stroke:'#7a8a99','stroke-opacity':0.55,'stroke-width':1+3*t.congruence/(maxW||1)}));
    if(t.conflict>0)svg.appendChild(svgEl('line',{x1:a[0],y1:a[1],x2:b[0],y2:b[1],stroke:'#b23b16','stroke-opacity':0.35,'stroke-dasharray':'4 3','stroke-width':1+2*t.conflict/(maxW||1)}));});
  var palette=['#1f77b4','#ff7f0e','#2ca02c','#9467bd','#8c564b','#e377c2','#17becf','#bcbd22','#7f7f7f'];
  Object.keys(pos).forEach(function(a){var p=pos[a];
    svg.appendChild(svgEl('circle',{cx:p[0],cy:p[1],r:9,fill:palette[p[2]%palette.length],stroke:'#fff'}));
    var t=svgEl('text',{x:p[0]+11,y:p[1]+4});t.textContent=a;var tt=svgEl('title',{});tt.textContent=aname(a);t.appendChild(tt);svg.appendChild(t);});
  var det=view.detection;
  info.appendChild(el('p','note','A camp is a group of actors who take the same side on the issues they share more than they take opposite sides'+(outlet?', as '+outlet+' reports them':'')+'. '+(dense?'':'Grey lines: agreement, red dashed lines: disagreement'+(ties.length<view.ties.length?' (the '+ties.length+' strongest of '+view.ties.length+' drawn)':'')+'. ')+'How clearly the actors split into camps (modularity, 0 to 1): '+(det.modularity===null?'n/a':det.modularity.toFixed(2))+'. Method: '+det.algorithm+'; ties '+det.tie_basis+', normalisation '+det.normalization+'.'+(view.note?' The '+view.note+'.':'')));
  var ol=el('ol');camps.forEach(function(c){var li=el('li',null,c.actors.map(aname).join(', '));
    var prof=el('div','note');c.profile.forEach(function(p){var sp=el('span',p.stance>0?'pro':p.stance<0?'con':null,p.issue+' '+fmt(p.stance)+'  ');sp.title=ilabel(p.issue);prof.appendChild(sp);});
    li.appendChild(prof);ol.appendChild(li);});info.appendChild(ol);
  if(view.by_window.length){info.appendChild(el('h3',null,'Camps by '+D.options.window));
    var tb=el('table');view.by_window.forEach(function(w){var tr=el('tr');tr.appendChild(el('th',null,w.window));
      var td=el('td');w.camps.forEach(function(c){if(c.actors.length>1)td.appendChild(el('span',null,'['+c.actors.join(' ')+'] '));});
      tr.appendChild(td);tb.appendChild(tr);});info.appendChild(tb);}
}

function renderShifts(){
  var svg=document.getElementById('timeline');svg.textContent='';
  var list=document.getElementById('shiftlist');list.textContent='';
  document.getElementById('noshifts').textContent='';
  var ov=outlet?D.by_outlet[outlet]:null;
  if(outlet&&!ov){document.getElementById('noshifts').textContent='Shifts are computed for the '+Object.keys(D.by_outlet).length+' outlets with most statements.';svg.setAttribute('height',0);return;}
  var shifts=ov?ov.shifts:D.shifts;
  if(!shifts.length){document.getElementById('noshifts').textContent='No actor changed sides between one '+D.options.window+' and the next'+(outlet?' in '+outlet+'.':'.');svg.setAttribute('height',0);return;}
  var rows=[],seen={};shifts.forEach(function(s){var k=s.actor+'\u001f'+s.issue;if(!seen[k]){seen[k]=1;rows.push(ov?{actor:s.actor,issue:s.issue,timeline:ov.timelines[k]}:byKey[k]);}});
  var ws={};rows.forEach(function(c){c.timeline.forEach(function(w){ws[w.window]=1;});});
  var windows=Object.keys(ws).sort();
  var left=130,top=28,rowH=26,W=Math.max(420,left+60*windows.length+40);
  svg.setAttribute('width',W);svg.setAttribute('height',top+rowH*rows.length+10);
  windows.forEach(function(w,k){var t=svgEl('text',{x:left+30+60*k,y:16,'text-anchor':'middle'});t.textContent=w;svg.appendChild(t);});
  rows.forEach(function(c,r){var y=top+rowH*r+10;
    var lab=svgEl('text',{x:4,y:y+4});lab.textContent=c.actor+' \u00b7 '+c.issue;var lt=svgEl('title',{});lt.textContent=aname(c.actor)+' on '+ilabel(c.issue);lab.appendChild(lt);svg.appendChild(lab);
    svg.appendChild(svgEl('line',{x1:left,y1:y,x2:W-10,y2:y,stroke:'#ddd'}));
    c.timeline.forEach(function(w){var k=windows.indexOf(w.window);
      var dot=svgEl('circle',{cx:left+30+60*k,cy:y,r:Math.min(11,4+2*Math.sqrt(w.count)),fill:colour(w.stance),stroke:'#555'});
      var tt=svgEl('title',{});tt.textContent=w.window+': '+fmt(w.stance)+' ('+w.count+')';dot.appendChild(tt);svg.appendChild(dot);});});
  shifts.forEach(function(s){var li=el('li');
    li.appendChild(el('strong',null,aname(s.actor)+' on '+ilabel(s.issue)+': '));
    li.appendChild(el('span',s.from.stance>0?'pro':'con',s.from.window+' '+fmt(s.from.stance)));
    li.appendChild(el('span',null,' \u2192 '));
    li.appendChild(el('span',s.to.stance>0?'pro':'con',s.to.window+' '+fmt(s.to.stance)));
    var ul=el('ul');(s.from.statements||[]).slice(0,2).concat((s.to.statements||[]).slice(0,2)).forEach(function(id){if(D.statements[String(id)])ul.appendChild(statementItem(id));});
    li.appendChild(ul);list.appendChild(li);});
  if(D.summary.undated)document.getElementById('noshifts').textContent=D.summary.undated+' statement(s) without a year are not placed in time.';
}

var query='';
// The words a statement can be found by: codes, names, labels, outlet, source, person, sentence.
function searchText(s){var n=D.names.actors[s.actor],t=D.names.issues[s.issue];
  return [s.actor,n||'',s.issue,t&&t.label||'',s.outlet,s.source,s.person,s.date,s.evidence].join(' \u0001 ').toLowerCase();}
function renderStatements(){
  var t=document.getElementById('statements');t.textContent='';
  var head=el('tr');['#','date','actor','issue','side','outlet','reported by','sentence'].forEach(function(h){head.appendChild(el('th',null,h));});t.appendChild(head);
  var ids=Object.keys(D.statements).map(Number).sort(function(a,b){var x=D.statements[String(a)].date||'\uffff',y=D.statements[String(b)].date||'\uffff';return x<y?-1:x>y?1:a-b;}),shown=0,matched=0;
  var words=query.toLowerCase().split(/\s+/).filter(function(w){return w;});
  ids.forEach(function(id){var s=D.statements[String(id)];if(outlet&&s.outlet!==outlet)return;
    if(words.length){var hay=searchText(s);if(!words.every(function(w){return hay.indexOf(w)>=0;}))return;}
    matched++;if(shown>=2000)return;shown++;
    var tr=el('tr');[id,s.date||'undated',s.actor,s.issue,s.stance>0?'for':'against',s.outlet,s.source,s.evidence].forEach(function(v){tr.appendChild(el('td',null,v));});tr.children[2].title=aname(s.actor);tr.children[3].title=ilabel(s.issue);t.appendChild(tr);});
  document.getElementById('stmtnote').textContent=matched+' statement(s)'+(words.length?' match':'')+(outlet?' in '+outlet:'')+', in date order'+(shown<matched?'; the first '+shown+' shown':'')+'. The page holds up to '+D.statements_embedded_per_cell+' per cell; faultline why ACTOR ISSUE lists them all.';
}

var sel=document.getElementById('outlet');
D.outlets.forEach(function(o){var opt=el('option',null,o.outlet+' ('+o.count+')');opt.value=o.outlet;sel.appendChild(opt);});
sel.addEventListener('change',function(){outlet=sel.value;renderHeatmap();renderEvidence();renderStatements();renderShifts();renderCamps();});
document.getElementById('search').addEventListener('input',function(e){query=e.target.value;renderStatements();});
if(D.cells.length)selected=[D.cells[0].actor,D.cells[0].issue];
// A link can open the page on a cell and an outlet: map.html#cell=GBR/talks&outlet=Reuters
location.hash.replace(/^#/,'').split('&').forEach(function(kv){
  var i=kv.indexOf('=');if(i<0)return;var k=kv.slice(0,i),v=decodeURIComponent(kv.slice(i+1));
  if(k==='outlet'&&D.outlets.some(function(o){return o.outlet===v;})){outlet=v;sel.value=v;}
  if(k==='cell'){var j=v.lastIndexOf('/');if(j>0&&byKey[v.slice(0,j)+'\u001f'+v.slice(j+1)])selected=[v.slice(0,j),v.slice(j+1)];}});
renderHeatmap();renderEvidence();renderCamps();renderShifts();renderStatements();
document.body.setAttribute('data-rendered','yes');
})();
)JS";

}  // namespace

void WriteHtml(const map::Map& m, const HtmlOptions& o, std::ostream& out) {
  json data = PageData(m, o.evidence_per_cell, o.evidence_budget, o.max_actors);
  std::string summary = std::to_string(m.statements.size()) + " statements, " +
                        std::to_string(m.documents) + " documents, " + std::to_string(m.outlets.size()) +
                        " outlets" + (m.first.empty() ? "" : ", " + m.first + " .. " + m.last) +
                        ", window " + map::WindowName(m.options.window);
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
      << "<title>" << HtmlEscape(o.title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
      << "<header><h1>" << HtmlEscape(o.title) << "</h1><p id=\"summary\">" << HtmlEscape(summary)
      << "</p></header>\n"
      << "<main>\n<div>\n"
      << "<section><h2>Who stands where</h2>\n"
      << "<label>Outlet: <select id=\"outlet\"><option value=\"\">all outlets</option></select></label> "
         "<span class=\"note\">(the map, shifts and camps as one outlet reports them)</span>\n"
      << "<p class=\"legend\"><span style=\"background:#1f5fa8;color:#fff\">for</span>"
         "<span style=\"background:#e0e0e0\">divided</span><span style=\"background:#b23b16;color:#fff\">against"
         "</span> For: the actor backs the issue's proposition (point at an issue to read it); against: it "
         "opposes it. Each dot: where an actor stands on an issue; a bigger dot rests on more independent reports "
         "(copies of one report count once). Issues run from the most divided on the left; "
         "\"balance\" is 1 when for and against weigh the same and 0 when everyone agrees. Click a dot "
         "for the sentences behind it.</p>\n"
      << "<p id=\"actorsnote\" class=\"note\"></p>"
      << "<div class=\"scroll\" id=\"heatmap-panel\"><table id=\"heatmap\"></table></div></section>\n"
      << "<section><h2>Who changed sides</h2><p class=\"note\">Each row: one actor on one issue over time "
         "(a dot per " << map::WindowName(m.options.window) << ", blue for, red against), for the actors whose "
         "stance turned from one side to the other.</p><p id=\"noshifts\" class=\"note\"></p>"
         "<div class=\"scroll\"><svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"420\" "
         "height=\"40\"></svg></div><ul id=\"shiftlist\"></ul></section>\n"
      << "<section><h2>Statements</h2>"
         "<input type=\"search\" id=\"search\" placeholder=\"Search statements: words, actor, issue, outlet "
         "(all words must match)\" aria-label=\"Search statements\">"
         "<p id=\"stmtnote\" class=\"note\"></p>"
         "<div class=\"scroll\" id=\"statements-panel\"><table id=\"statements\"></table></div></section>\n"
      << "</div>\n<div>\n"
      << "<section><h2>Evidence</h2><div id=\"evidence\"></div></section>\n"
      << "<section><h2>Camps: who sides with whom</h2><svg id=\"campgraph\" xmlns=\"http://www.w3.org/2000/svg\" "
         "viewBox=\"0 0 520 420\"></svg><div class=\"scroll\" id=\"campmatrix-box\"></div>"
         "<div id=\"campinfo\"></div></section>\n"
      << "</div>\n</main>\n"
      << "<noscript><p>This page draws the map with JavaScript; the same data: faultline map --format json.</p>"
         "</noscript>\n"
      << "<script type=\"application/json\" id=\"map-data\">"
      << JsonForScript(data.dump(-1, ' ', false, json::error_handler_t::replace)) << "</script>\n"
      << "<script>" << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace faultline::report
