using System.Text;
using MonitoringWorkflows.Engine.Bpmn;
using static MonitoringWorkflows.Engine.Tests.Bpmn.BpmnXml;

namespace MonitoringWorkflows.Engine.Tests.Bpmn;

/// <summary>Hostile and broken inputs: each is a coded error, never an exception.</summary>
public class BpmnReaderSecurityTests
{
    private const string Root = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"P\">&payload;</bpmn:process></bpmn:definitions>";

    [Fact]
    public void Read_ExternalEntity_ReturnsBpmn002WithoutResolvingIt()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "SECRET-CONTENT");
        try
        {
            var xml = $"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY payload SYSTEM \"file://{secret}\">]>" + Root;
            var diagnostic = Rejected(xml, BpmnCodes.DtdProhibited);
            Assert.DoesNotContain("SECRET-CONTENT", diagnostic.Message);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Read_BillionLaughs_ReturnsBpmn002()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE d [{entities}<!ENTITY payload \"&lol9;\">]>" + Root;

        Rejected(xml, BpmnCodes.DtdProhibited);
    }

    [Fact]
    public void Read_AnyDoctype_ReturnsBpmn002()
    {
        var xml = "<!DOCTYPE definitions SYSTEM \"http://example.invalid/bpmn.dtd\">" + Process("<bpmn:startEvent id=\"S\"/>").Split('\n', 2)[1];

        Rejected(xml, BpmnCodes.DtdProhibited);
    }

    [Fact]
    public void Read_DoctypeFromStream_ReturnsBpmn002()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY payload \"x\">]>" + Root;

        var result = new BpmnReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.Null(result.Document);
        Assert.Equal(BpmnCodes.DtdProhibited, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Read_UndeclaredEntityWithoutDoctype_ReturnsBpmn001()
    {
        var diagnostic = Rejected(Root, BpmnCodes.NotWellFormedXml);

        Assert.Contains("payload", diagnostic.Message);
    }

    [Fact]
    public void Read_StringOverFiveMegabytes_ReturnsBpmn004()
    {
        var xml = Process("<!--" + new string('x', SecureXml.MaxCharacters) + "-->");

        Rejected(xml, BpmnCodes.DocumentTooLarge);
    }

    [Fact]
    public void Read_StreamOverFiveMegabytes_ReturnsBpmn004WithoutReadingItAll()
    {
        var stream = new MemoryStream(new byte[SecureXml.MaxCharacters * 3]);

        var result = new BpmnReader().Read(stream);

        Assert.Equal(BpmnCodes.DocumentTooLarge, Assert.Single(result.Diagnostics).Code);
        Assert.True(stream.Position <= SecureXml.MaxCharacters + 81920, $"read {stream.Position} bytes");
    }

    [Fact]
    public void Read_PngBytes_ReturnsBpmn001()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x27];

        var result = new BpmnReader().Read(new MemoryStream(png));

        Assert.Null(result.Document);
        Assert.Equal(BpmnCodes.NotWellFormedXml, Assert.Single(result.Diagnostics).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("this is no xml")]
    [InlineData("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">")]
    public void Read_EmptyOrNotXml_ReturnsBpmn001(string xml)
    {
        var diagnostic = Rejected(xml, BpmnCodes.NotWellFormedXml);

        Assert.Null(diagnostic.ElementId);
        Assert.EndsWith(".", diagnostic.Message);
    }

    [Fact]
    public void Read_EmptyStream_ReturnsBpmn001()
    {
        var result = new BpmnReader().Read(new MemoryStream());

        Assert.Equal(BpmnCodes.NotWellFormedXml, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Read_UnsupportedEncodingFromStream_ReturnsBpmn001()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"x-no-such-encoding\"?>" + Process("").Split('\n', 2)[1];

        var result = new BpmnReader().Read(new MemoryStream(Encoding.ASCII.GetBytes(xml)));

        Assert.Equal(BpmnCodes.NotWellFormedXml, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Read_Utf8StreamWithDeclaration_ReadsIt()
    {
        var xml = Around("<bpmn:task id=\"Task\" name=\"Qeydiyyat – şikayət\" />");

        var result = new BpmnReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal("Qeydiyyat – şikayət", result.Document!.Processes[0].Node("Task").Name);
    }
}
