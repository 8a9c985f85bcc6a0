using SignalWire.Agents.Destinations;

namespace SignalWire.Agents.Tests.Destinations;

public sealed class DestinationRulesTests
{
    private static readonly DestinationRules Default = DestinationRules.Default;

    [Theory]
    [InlineData("+19005550100", "premium_rate")]        // NANP 900
    [InlineData("+449098790000", "premium_rate")]       // UK 09
    [InlineData("+499001234567", "premium_rate")]       // Germany 0900
    [InlineData("+33899123456", "premium_rate")]        // France 089
    [InlineData("+447012345678", "personal_number")]    // UK 070
    [InlineData("+881612345678", "global_service")]     // GMSS satellite
    [InlineData("+97912345678", "global_service")]      // International premium rate
    [InlineData("+15551234567", "invalid_number")]      // no such area code
    [InlineData("5551234567", "not_e164")]
    [InlineData("+1 415 555 0100 ext 2", "not_e164")]
    [InlineData("+1234567890123456", "not_e164")]       // 16 digits
    public void High_cost_invalid_and_national_numbers_are_refused_by_default(string number, string reason)
    {
        Assert.Equal(DestinationVerdict.Refuse(reason), Default.CheckNumber(number));
    }

    [Theory]
    [InlineData("+14155550100")]
    [InlineData("tel:+1-415-555-0100")]
    [InlineData("+1 (415) 555.0100")]
    [InlineData("+442079460000")]
    [InlineData("+18005551234")]
    public void Ordinary_numbers_anywhere_pass_by_default(string number)
    {
        Assert.Equal(DestinationVerdict.Pass, Default.CheckNumber(number));
    }

    [Theory]
    [InlineData("sip:+19005550100;isub=1@carrier.example.net")]
    [InlineData("sip:%2B19005550100@carrier.example.net")]
    public void A_premium_number_is_refused_in_any_sip_domain_however_its_user_part_is_written(string uri)
    {
        Assert.Equal(DestinationVerdict.Refuse("premium_rate"), Default.Check(uri));
    }

    [Fact]
    public void Allowed_countries_tell_nanp_countries_apart()
    {
        var rules = DestinationRules.Create(new DestinationPolicy { AllowedCountries = ["us", "CA"] });

        Assert.True(rules.CheckNumber("+14155550100").Allowed);
        Assert.True(rules.CheckNumber("+16135550100").Allowed);     // Ottawa
        Assert.Equal(DestinationVerdict.Refuse("country_not_allowed"), rules.CheckNumber("+18765550100")); // Jamaica, +1 too
        Assert.Equal(DestinationVerdict.Refuse("country_not_allowed"), rules.CheckNumber("+442079460000"));
        Assert.True(rules.HasNumberAllowList);
    }

    [Fact]
    public void Prefixes_allow_and_deny_and_the_deny_list_wins()
    {
        var rules = DestinationRules.Create(new DestinationPolicy { AllowedNumberPrefixes = ["+44"], DeniedNumberPrefixes = ["+44 20 7946"] });

        Assert.True(rules.CheckNumber("+441134960000").Allowed);
        Assert.Equal(DestinationVerdict.Refuse("denied_prefix"), rules.CheckNumber("+442079460000"));
        Assert.Equal(DestinationVerdict.Refuse("country_not_allowed"), rules.CheckNumber("+14155550100"));
    }

    [Fact]
    public void The_high_cost_block_can_be_turned_off_explicitly()
    {
        var rules = DestinationRules.Create(new DestinationPolicy { BlockHighCostNumbers = false });

        Assert.True(rules.CheckNumber("+19005550100").Allowed);
        Assert.Equal(DestinationVerdict.Refuse("not_e164"), rules.CheckNumber("19005550100"));
    }

    [Theory]
    [InlineData("sip:desk@pbx.example.com", true, null)]
    [InlineData("sips:desk@sub.trunk.example.com:5061;transport=tls", true, null)]
    [InlineData("sip:desk@evil.example.net", false, "sip_domain_not_allowed")]
    [InlineData("sip:+19005550100@pbx.example.com", false, "premium_rate")]
    [InlineData("sip:+19005550100;isub=1@pbx.example.com", false, "premium_rate")]
    [InlineData("sip:%2B19005550100@pbx.example.com", false, "premium_rate")]
    [InlineData("sip:+19005550100:secret@pbx.example.com;transport=tcp", false, "premium_rate")]
    [InlineData("<sip:desk@PBX.example.com>", false, "unknown_destination")]
    [InlineData("sip:pbx.example.com", true, null)]
    [InlineData("sip:desk@[2001:db8::1]", false, "sip_domain_not_allowed")]
    [InlineData("https://swml.example.com/next", true, null)]
    [InlineData("https://attacker.example.net/dial.json", false, "transfer_host_not_allowed")]
    [InlineData("sales", true, null)]
    [InlineData("/public/support-room", true, null)]
    [InlineData("//swml.example.com/next", true, null)]
    [InlineData("//attacker.example.net/dial.json", false, "transfer_host_not_allowed")]
    [InlineData("sip:*67+19005550100@pbx.example.com", false, "not_e164")]
    [InlineData("sip:#31#+19005550100@pbx.example.com", false, "not_e164")]
    [InlineData("sip:+1/900/555/0100@pbx.example.com", false, "not_e164")]
    [InlineData("sip:tel%3A%2B19005550100@pbx.example.com", false, "premium_rate")]
    [InlineData("sip:desk%00@pbx.example.com", false, "malformed_sip_uri")]
    [InlineData("sip:desk@evil.example.net@pbx.example.com", false, "malformed_sip_uri")]
    [InlineData("sip:\uFF0B\uFF11\uFF19\uFF10\uFF10\uFF15\uFF15\uFF15\uFF10\uFF11\uFF10\uFF10@pbx.example.com", false, "premium_rate")]
    [InlineData("\uFF0B\uFF11\uFF19\uFF10\uFF10\uFF15\uFF15\uFF15\uFF10\uFF11\uFF10\uFF10", false, "premium_rate")]
    [InlineData("sip:agent007@pbx.example.com", true, null)]
    [InlineData("javascript:alert(1)", false, "unknown_destination")]
    [InlineData("", false, "unknown_destination")]
    public void Every_kind_of_destination_is_checked(string destination, bool allowed, string? reason)
    {
        var rules = DestinationRules.Create(new DestinationPolicy
        {
            AllowedSipDomains = ["pbx.example.com", "*.trunk.example.com"],
            AllowedTransferHosts = ["swml.example.com"],
        });

        Assert.Equal(new DestinationVerdict(allowed, reason), rules.Check(destination));
    }

    [Theory]
    [InlineData("wss://media.example.com/audio", true, null)]
    [InlineData("rtp://203.0.113.7:4000", true, null)]
    [InlineData("https://cards.example.net/charge", false, "data_host_not_allowed")]
    [InlineData("//collector.example.net/x", false, "data_host_not_allowed")]
    [InlineData("not a uri", false, "data_host_not_allowed")]
    public void Data_sinks_are_held_to_the_data_host_list_when_one_is_set(string uri, bool allowed, string? reason)
    {
        var rules = DestinationRules.Create(new DestinationPolicy { AllowedDataHosts = ["media.example.com", "203.0.113.7"] });

        Assert.Equal(new DestinationVerdict(allowed, reason), rules.CheckDataSink(uri));
        Assert.Equal(DestinationVerdict.Pass, Default.CheckDataSink(uri));
    }

    [Fact]
    public void The_policy_is_active_unless_every_rule_is_off()
    {
        Assert.True(Default.IsActive);
        Assert.False(DestinationRules.Create(new DestinationPolicy { BlockHighCostNumbers = false }).IsActive);
        Assert.True(DestinationRules.Create(new DestinationPolicy { BlockHighCostNumbers = false, AllowedDataHosts = ["media.example.com"] }).IsActive);
    }

    [Theory]
    [InlineData("XX", "Destination policy AllowedCountries: 'XX' is not an ISO 3166 country code with a telephone numbering plan (use e.g. US, GB, DE).")]
    [InlineData("United States", "Destination policy AllowedCountries: 'UNITED STATES' is not an ISO 3166 country code with a telephone numbering plan (use e.g. US, GB, DE).")]
    public void An_unknown_country_is_refused_by_name(string country, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => DestinationRules.Create(new DestinationPolicy { AllowedCountries = [country] }));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_prefixes_hosts_and_caps_are_refused_by_name()
    {
        Assert.StartsWith("Destination policy AllowedNumberPrefixes: '44' is not an E.164 prefix",
            Assert.Throws<ArgumentException>(() => DestinationRules.Create(new DestinationPolicy { AllowedNumberPrefixes = ["44"] })).Message, StringComparison.Ordinal);
        Assert.StartsWith("Destination policy AllowedSipDomains: 'bad host!' is not a host name",
            Assert.Throws<ArgumentException>(() => DestinationRules.Create(new DestinationPolicy { AllowedSipDomains = ["bad host!"] })).Message, StringComparison.Ordinal);
        Assert.StartsWith("Destination policy MaxMessagesPerCall must be 0 or more (got -1).",
            Assert.Throws<ArgumentException>(() => DestinationRules.Create(new DestinationPolicy { MaxMessagesPerCall = -1 })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_variables_fill_what_code_leaves_unset_and_bad_values_stop_start_up()
    {
        var env = new Dictionary<string, string>
        {
            ["SWML_ALLOWED_COUNTRIES"] = "US, GB",
            ["SWML_MAX_TRANSFERS_PER_CALL"] = "2",
            ["SWML_MAX_MESSAGES_PER_CALL"] = "1",
            ["SWML_ALLOWED_SIP_DOMAINS"] = "pbx.example.com",
        };
        var settings = AgentSettings.Resolve(new AgentOptions { Destinations = new DestinationPolicy { MaxMessagesPerCall = 0 } }, name => env.GetValueOrDefault(name));

        Assert.Equal(["US", "GB"], settings.Destinations.AllowedCountries);
        Assert.Equal(2, settings.Destinations.MaxTransfersPerCall);
        Assert.Equal(0, settings.Destinations.MaxMessagesPerCall);
        Assert.Equal(["pbx.example.com"], settings.Destinations.AllowedSipDomains);
        Assert.True(settings.Destinations.BlockHighCostNumbers);
        Assert.Equal(30, settings.CallsPerCaller);
        Assert.Equal(TimeSpan.FromHours(1), settings.CallsPerCallerWindow);

        env["SWML_ALLOWED_COUNTRIES"] = "ZZ";
        var error = Assert.Throws<AgentConfigurationException>(() => AgentSettings.Resolve(new AgentOptions(), name => env.GetValueOrDefault(name)));
        Assert.StartsWith("Destination policy AllowedCountries: 'ZZ'", error.Message, StringComparison.Ordinal);
    }
}
