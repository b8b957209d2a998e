import Proviso

/// A small rulebook written for the tests, in parts so that a test can replace one part with
/// text that carries markers. Mali has an exactly dated coup of a duly elected government and a
/// certification that lifts it; Niger has a coup known only to the month whose deposed head's
/// election is not recorded; Guinea has no coup. The fiscal-year table has an enacted act, an
/// interim continuing resolution and a full-year continuing resolution.
enum TestRulebook {
    static let catalog = """
    rulebook "Test rulebook" {
      edition "2024-01-01"
    }
    country MLI "Mali" {
      aliases "Republic of Mali"
    }
    country NER "Niger"
    country GIN "Guinea"
    purpose democratic-elections "assistance to promote democratic elections"
    program IMET "International Military Education and Training" {
      title IV
      authority "FAA §541 (22 U.S.C. 2347)"
      recipient government
    }
    program DA "Development Assistance" {
      title III
      recipient non-government
    }

    """

    static let kinds = """
    kind coup "A seizure of power" {
      field date date required "the date of the coup"
      field duly-elected truth "whether the deposed head of government was duly elected"
      complete "every coup of the test record"
    }

    """

    static let acts = """
    fiscal-year FY2011 {
      act "Act, 2011" cite "P.L. 112-10, div. B" enacted 2010-12-01 source "test"
      source "test"
    }
    fiscal-year FY2012 {
      act "Act, 2012" cite "P.L. 112-74, div. I" enacted 2011-12-23 source "test"
      continuing-resolution "P.L. 112-36" from 2011-10-01 until 2011-12-22 carries FY2011
      source "test"
    }
    fiscal-year FY2013 {
      act "Full-year continuing act, 2013" cite "P.L. 113-6, div. F, §1101(a)(6)" enacted 2013-03-26 carries FY2012 source "test"
      continuing-resolution "P.L. 112-175" from 2012-10-01 until 2013-03-25 carries FY2012
      source "test"
    }

    """

    static let provision = """
    provision coups "Coups" {
      each coup as e
      define occurred = e.date on-or-before query.date
      version V1 FY2011..FY2013 {
        section 7008 "Coups d'État"
        covers titles III..VI
        to government directly
        prohibits when occurred and e.duly-elected
        exempt purposes democratic-elections
        lifted by certification after e finding "a democratically elected government has taken office"
        source "test"
      }
    }

    """

    static let facts = """
    coup mli-2012 {
      country Mali
      date 2012-03-22
      duly-elected yes
      source "test"
    }
    coup ner-2012 {
      country Niger
      date 2012-02
      source "test"
    }
    certification mli-2013 {
      provision coups
      event mli-2012
      date 2013-01-10
      finding "a democratically elected government has taken office"
      source "test"
    }

    """

    /// The whole rulebook as one text.
    static var text: String { catalog + kinds + acts + provision + facts }

    /// The rulebook, checked; a test that needs it fails if it does not check.
    static func book(_ text: String = TestRulebook.text) throws -> Rulebook {
        try Rulebook.check([SourceFile(path: "test.proviso", text: text)], name: "test").get()
    }
}
