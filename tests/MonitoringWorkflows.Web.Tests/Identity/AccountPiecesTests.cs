using MonitoringWorkflows.Web.Identity;

namespace MonitoringWorkflows.Web.Tests.Identity;

public sealed class AccountPiecesTests
{
    [Fact]
    public void TemporaryPassword_EveryOne_MeetsThePolicyAndDiffers()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => TemporaryPassword.Create()).ToList();

        Assert.All(passwords, p =>
        {
            Assert.Equal(16, p.Length);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsDigit);
            Assert.Contains(p, c => !char.IsLetterOrDigit(c));
            Assert.True(p.Distinct().Count() >= 6, p);
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    [Fact]
    public void AuthenticatorKey_Format_GroupsOfFourInLowerCase()
    {
        Assert.Equal("abcd efgh ij", AuthenticatorKey.Format("ABCDEFGHIJ"));
    }

    [Fact]
    public void AuthenticatorKey_Uri_NamesIssuerAccountAndSecret()
    {
        Assert.Equal("otpauth://totp/MonitoringWorkflows:a%40b.az?secret=ABCD&issuer=MonitoringWorkflows&digits=6",
            AuthenticatorKey.Uri("a@b.az", "ABCD"));
    }

    [Theory]
    [InlineData(false, false, false, AccountStep.SetUpTwoFactor)]
    [InlineData(true, false, false, AccountStep.ChangePassword)]
    [InlineData(true, true, true, AccountStep.ChangePassword)]
    [InlineData(false, true, false, null)]
    [InlineData(false, false, true, null)]
    public void Pending_Chair_DependsOnTemporaryPasswordAndDemoExemption(
        bool mustChangePassword, bool twoFactorOn, bool demoLogin, AccountStep? expected)
    {
        var user = new ApplicationUser { MustChangePassword = mustChangePassword, TwoFactorEnabled = twoFactorOn, IsDemo = demoLogin };

        var step = AccountSteps.Pending(user, ["Chair"], new DemoOptions { Enabled = true });

        Assert.Equal(expected, step);
    }

    [Fact]
    public void Pending_DemoLoginOutsideDemoMode_MustSetUpTwoFactor()
    {
        var user = new ApplicationUser { IsDemo = true };

        Assert.Equal(AccountStep.SetUpTwoFactor, AccountSteps.Pending(user, ["Administrator"], new DemoOptions { Enabled = false }));
        Assert.Null(AccountSteps.Pending(user, ["Administrator"], new DemoOptions { Enabled = true }));
        Assert.Null(AccountSteps.Pending(new ApplicationUser(), ["Registrar"], new DemoOptions()));
    }
}
