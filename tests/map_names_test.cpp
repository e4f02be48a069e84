// Names beside codes and the lookup behind --actor, --issue and --outlet.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "map/names.h"
#include "map/window.h"

namespace faultline::map {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::vector<Choice> Actors() {
  return {Choice{"POL", "Poland", {"Polish", "Poles"}},
          Choice{"DEU", "Germany", {"German", "Federal Republic of Germany"}},
          Choice{"CEE", "Central and Eastern European countries", {"Eastern European states"}},
          Choice{"US", "", {}},
          Choice{"USA", "United States", {"American", "the US"}}};
}

TEST(ResolveChoice, TakesTheCodeTheNameOrAnAliasInAnyCase) {
  EXPECT_EQ(*ResolveChoice("actor", "POL", Actors()), "POL");
  EXPECT_EQ(*ResolveChoice("actor", "pol", Actors()), "POL");
  EXPECT_EQ(*ResolveChoice("actor", "Poland", Actors()), "POL");
  EXPECT_EQ(*ResolveChoice("actor", "polish", Actors()), "POL");
  EXPECT_EQ(*ResolveChoice("actor", "eastern-european states", Actors()), "CEE");
  // A code wins over a name or alias that folds the same ("US" the code, not "the US").
  EXPECT_EQ(*ResolveChoice("actor", "us", Actors()), "US");
}

TEST(ResolveChoice, UnknownValuesListTheClosest) {
  Result<std::string> r = ResolveChoice("actor", "Polnd", Actors());
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().reason(), HasSubstr("unknown actor \"Polnd\""));
  EXPECT_THAT(r.status().reason(), HasSubstr("closest: POL (Poland)"));
  // A prefix is near: "sanction" suggests "sanctions" first.
  std::vector<Choice> issues = {{"talks", "Talks with Russia", {}}, {"sanctions", "Sanctions on Russia", {}},
                                {"arms", "Arms for Ukraine", {}}};
  r = ResolveChoice("issue", "sanction", issues);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().reason(), HasSubstr("closest: sanctions (Sanctions on Russia)"));
  r = ResolveChoice("outlet", "eurasia", PlainChoices({"Baltic Times", "EurasiaWire", "Continental"}));
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().reason(), HasSubstr("closest: EurasiaWire"));
  r = ResolveChoice("outlet", "x", {});
  EXPECT_THAT(r.status().reason(), HasSubstr("none to choose from"));
}

TEST(ResolveChoice, AtMostFiveSuggestionsEachOnce) {
  std::vector<Choice> many;
  for (int i = 0; i < 20; ++i) many.push_back(Choice{std::string("A").append(std::to_string(i)), "", {std::string("alias").append(std::to_string(i))}});
  Result<std::string> r = ResolveChoice("actor", "zzz", many);
  ASSERT_FALSE(r.ok());
  const std::string& m = r.status().reason();
  EXPECT_EQ(std::count(m.begin(), m.end(), ','), 4) << m;
}

TEST(Names, CodeWithNameOnlyWhenItAddsSomething) {
  Names n;
  n.actors = {{"POL", "Poland"}, {"NATO", "NATO"}};
  n.issues["talks"] = IssueText{"Talks with Russia", "Talks should be pursued."};
  EXPECT_EQ(n.ActorWithName("POL"), "POL (Poland)");
  EXPECT_EQ(n.ActorWithName("NATO"), "NATO");
  EXPECT_EQ(n.ActorWithName("XYZ"), "XYZ");
  EXPECT_EQ(n.IssueWithLabel("talks"), "talks (Talks with Russia)");
  EXPECT_EQ(n.IssueProposition("talks"), "Talks should be pursued.");
  EXPECT_EQ(n.IssueLabel("arms"), "");
}

TEST(Names, StatementCodesMissingFromTheNamesCanStillBeAskedFor) {
  std::vector<Choice> c = Actors();
  AddMissingChoices({"POL", "XKX"}, &c);
  EXPECT_EQ(c.size(), Actors().size() + 1);
  EXPECT_EQ(*ResolveChoice("actor", "xkx", c), "XKX");
}

TEST(WindowBounds, SelectExactlyTheWindow) {
  EXPECT_EQ(WindowBounds("2022-Q2"), (std::pair<std::string, std::string>{"2022-04", "2022-06"}));
  EXPECT_EQ(WindowBounds("2023-Q4"), (std::pair<std::string, std::string>{"2023-10", "2023-12"}));
  EXPECT_EQ(WindowBounds("2022-03"), (std::pair<std::string, std::string>{"2022-03", "2022-03"}));
  EXPECT_EQ(WindowBounds("2022"), (std::pair<std::string, std::string>{"2022", "2022"}));
}

}  // namespace
}  // namespace faultline::map
