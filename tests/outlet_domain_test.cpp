// Outlets from URLs by registrable domain (libpsl): a site's subdomains are one outlet.
#include <gtest/gtest.h>

#include "ingest/url.h"

namespace faultline {
namespace {

TEST(OutletDomainTest, SubdomainsOfOneSiteAreOneOutlet) {
  EXPECT_EQ(OutletOfUrl("https://edition.cnn.com/2023/politics/x"), "cnn.com");
  EXPECT_EQ(OutletOfUrl("https://www.cnn.com/"), "cnn.com");
  EXPECT_EQ(OutletOfUrl("https://News.BBC.co.uk/1/hi/world"), "bbc.co.uk");
  EXPECT_EQ(OutletOfUrl("https://www.lemonde.fr/international/"), "lemonde.fr");
}

TEST(OutletDomainTest, PrivateSuffixesKeepTheirTenantsApart) {
  // blogspot.com is a public suffix: each blog is its own outlet.
  EXPECT_EQ(OutletOfUrl("https://alpha.blogspot.com/post"), "alpha.blogspot.com");
  EXPECT_NE(OutletOfUrl("https://alpha.blogspot.com/"), OutletOfUrl("https://beta.blogspot.com/"));
}

TEST(OutletDomainTest, HostsTheListCannotPlaceStayAsGiven) {
  EXPECT_EQ(RegistrableDomain("127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(RegistrableDomain("localhost"), "localhost");
  EXPECT_EQ(RegistrableDomain("Example.ORG."), "example.org");
  EXPECT_EQ(OutletOfUrl("not a url"), "");
}

}  // namespace
}  // namespace faultline
