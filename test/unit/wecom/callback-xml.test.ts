import { hasDtd, parseEnvelope, parseInboundMessage } from '../../../src/wecom/callback-xml';
import { inboundDedupKey, type InboundMessage } from '../../../src/wecom/inbound-message';
import { templateCardEventXml, textMessageXml } from '../../support/wecom-callbacks';

// The decrypted plaintexts WeCom sends (documents 90239, 90240, 96468) and the outer envelope.

const ok = (xml: string): InboundMessage => {
  const result = parseInboundMessage(xml);
  if (!result.ok) throw new Error(`expected a message, got ${result.error}`);
  return result.value;
};

/** The official sample of a template_card_event (document 90240), whitespace and all. */
const OFFICIAL_CARD_EVENT = `<xml>
    <ToUserName><![CDATA[toUser]]></ToUserName>
    <FromUserName><![CDATA[FromUser]]></FromUserName>
    <CreateTime>123456789</CreateTime>
    <MsgType><![CDATA[event]]></MsgType>
    <Event><![CDATA[template_card_event]]></Event>
    <EventKey><![CDATA[key111]]></EventKey>
    <TaskId><![CDATA[taskid111]]></TaskId>
    <CardType><![CDATA[text_notice]]></CardType>
    <ResponseCode><![CDATA[ResponseCode]]></ResponseCode>
    <AgentID>1</AgentID>
    <SelectedItems>
        <SelectedItem>
            <QuestionKey><![CDATA[QuestionKey1]]></QuestionKey>
            <OptionIds>
                <OptionId><![CDATA[OptionId1]]></OptionId>
                <OptionId><![CDATA[OptionId2]]></OptionId>
            </OptionIds>
        </SelectedItem>
        <SelectedItem>
            <QuestionKey><![CDATA[QuestionKey2]]></QuestionKey>
            <OptionIds>
                <OptionId><![CDATA[OptionId3]]></OptionId>
                <OptionId><![CDATA[OptionId4]]></OptionId>
            </OptionIds>
        </SelectedItem>
    </SelectedItems>
</xml>`;

describe('WeCom callback XML', () => {
  describe('text messages', () => {
    it('should read the official sample, keeping the 64-bit MsgId exact', () => {
      const xml =
        '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n' +
        '<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>';
      expect(ok(xml)).toEqual({ kind: 'text', fromUser: 'mycreate', createTime: '1409659813', msgId: '4561255354251345929', content: 'hello', agentId: '218' });
      expect(Number('4561255354251345929').toString()).not.toBe('4561255354251345929'); // why it must stay a string
    });

    it('should keep the largest 64-bit ids and leading zeros as written', () => {
      for (const msgId of ['18446744073709551615', '9223372036854775807', '0012']) {
        expect(ok(textMessageXml({ content: 'x', msgId }))).toMatchObject({ msgId });
      }
    });

    it('should keep CDATA content exactly: markup, entities, whitespace, newlines, CJK and emoji', () => {
      for (const content of ['<b>bold</b> & "quotes"', '&amp; &lt;not decoded&gt;', '  padded  ', 'line 1\nline 2\n', '/okr update KR-12 45 有风险 😀', '<!DOCTYPE html>', '<!ENTITY x "y">', ']]>', '']) {
        expect(ok(textMessageXml({ content }))).toMatchObject({ kind: 'text', content });
      }
      // XML normalises line ends, in CDATA too (XML 1.0 §2.11).
      expect(ok(textMessageXml({ content: 'a\r\nb\rc' }))).toMatchObject({ content: 'a\nb\nc' });
    });

    it('should read plain (non-CDATA) values, trimmed, with entities left as written', () => {
      const xml = '<xml><FromUserName> ChenJiaShun </FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>a &amp; b</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>';
      expect(ok(xml)).toEqual({ kind: 'text', fromUser: 'ChenJiaShun', createTime: '1476422779', msgId: '1456453720', content: 'a &amp; b', agentId: '1000002' });
    });

    it('should accept an XML declaration and a comment', () => {
      expect(ok(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- hi -->\n${textMessageXml({ content: 'x' })}`)).toMatchObject({ content: 'x' });
    });
  });

  describe('template card events', () => {
    it('should read the official sample: two questions with two options each', () => {
      expect(ok(OFFICIAL_CARD_EVENT)).toEqual({
        kind: 'card_event',
        fromUser: 'FromUser',
        createTime: '123456789',
        eventKey: 'key111',
        taskId: 'taskid111',
        cardType: 'text_notice',
        responseCode: 'ResponseCode',
        agentId: '1',
        selected: [
          { questionKey: 'QuestionKey1', optionIds: ['OptionId1', 'OptionId2'] },
          { questionKey: 'QuestionKey2', optionIds: ['OptionId3', 'OptionId4'] },
        ],
      });
    });

    it('should give an empty selection for a button click without SelectedItems', () => {
      const msg = ok(templateCardEventXml({ eventKey: 'done', taskId: 't1', cardType: 'button_interaction', responseCode: 'rc' }));
      expect(msg).toMatchObject({ kind: 'card_event', eventKey: 'done', taskId: 't1', cardType: 'button_interaction', responseCode: 'rc', selected: [] });
    });

    it('should normalise one SelectedItem with one OptionId to arrays', () => {
      const msg = ok(templateCardEventXml({ cardType: 'vote_interaction', selected: [{ questionKey: 'q', optionIds: ['only'] }] }));
      expect(msg).toMatchObject({ selected: [{ questionKey: 'q', optionIds: ['only'] }] });
    });

    it('should read many items, and items with no options or empty containers', () => {
      const selected = Array.from({ length: 3 }, (_, i) => ({ questionKey: `q${i}`, optionIds: Array.from({ length: i }, (_, j) => `o${i}-${j}`) }));
      expect(ok(templateCardEventXml({ cardType: 'multiple_interaction', selected }))).toMatchObject({ selected });
      expect(ok(templateCardEventXml({ selected: [] }))).toMatchObject({ selected: [] });
      const emptyOptions = OFFICIAL_CARD_EVENT.replace(/<OptionIds>[\s\S]*?<\/OptionIds>/, '<OptionIds></OptionIds>');
      expect(ok(emptyOptions)).toMatchObject({ selected: [{ questionKey: 'QuestionKey1', optionIds: [] }, { questionKey: 'QuestionKey2' }] });
    });

    it('should treat missing card fields as empty strings (some clients omit them)', () => {
      const xml = '<xml><FromUserName><![CDATA[u1]]></FromUserName><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[A]]></EventKey></xml>';
      expect(ok(xml)).toEqual({ kind: 'card_event', fromUser: 'u1', createTime: '', eventKey: 'A', taskId: '', cardType: '', responseCode: '', agentId: '', selected: [] });
    });
  });

  describe('other events and messages', () => {
    it('should read enter_agent and menu events as plain events', () => {
      const xml = '<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[FromUser]]></FromUserName><CreateTime>1408091189</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey><AgentID>1</AgentID></xml>';
      expect(ok(xml)).toEqual({ kind: 'event', fromUser: 'FromUser', createTime: '1408091189', event: 'enter_agent', eventKey: '', agentId: '1' });
      const menu = xml.replace('enter_agent', 'template_card_menu_event').replace('<EventKey><![CDATA[]]>', '<EventKey><![CDATA[more]]>');
      expect(ok(menu)).toMatchObject({ kind: 'event', event: 'template_card_menu_event', eventKey: 'more' });
    });

    it('should pass other message types through with their MsgId', () => {
      const xml = '<xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>image</MsgType><PicUrl>http://x</PicUrl><MediaId>m</MediaId><MsgId>1234567890123456789</MsgId><AgentID>7</AgentID></xml>';
      expect(ok(xml)).toEqual({ kind: 'other', fromUser: 'u', createTime: '1', msgType: 'image', msgId: '1234567890123456789', agentId: '7' });
    });
  });

  describe('what is refused', () => {
    const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE xml [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<xml><FromUserName>u</FromUserName><MsgType>text</MsgType><Content>&lol3;</Content></xml>`;
    const externalEntity = `<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><FromUserName>u</FromUserName><MsgType>text</MsgType><Content>&xxe;</Content></xml>`;

    it('should refuse DTDs and entity declarations before parsing, however spelled', () => {
      for (const xml of [billionLaughs, externalEntity, '<!doctype xml><xml/>', '<!ENTITY x "y"><xml/>', '<!-- c --><!DOCTYPE xml><xml/>', '<?pi <![CDATA[ ?><!DOCTYPE xml><xml>]]></xml>']) {
        expect(parseInboundMessage(xml)).toEqual({ ok: false, error: 'doctype' });
        expect(parseEnvelope(xml)).toEqual({ ok: false, error: 'doctype' });
      }
    });

    it('should find no DTD inside CDATA or comments', () => {
      expect(hasDtd('<xml><C><![CDATA[<!DOCTYPE html>]]></C><!-- <!ENTITY x "y"> --></xml>')).toBe(false);
      expect(hasDtd('<xml><C><![CDATA[x]]></C></xml><!DOCTYPE x>')).toBe(true);
    });

    it('should scan hostile bodies in linear time', () => {
      for (const unit of ['<![CDATA[', '<?', '<!--', '<!   ']) {
        const xml = `${unit.repeat(Math.floor(64_000 / unit.length))}<!DOCTYPE x>`;
        const t0 = performance.now();
        parseEnvelope(xml);
        expect(performance.now() - t0).toBeLessThan(250);
      }
    });

    it('should refuse malformed XML, other roots and dangerous names', () => {
      for (const xml of ['', 'not xml', '<xml><Content>x</xml>', '<xml></xml><xml></xml>', '<root><MsgType>text</MsgType></root>', '<xml><__proto__><a>1</a></__proto__></xml>', '<xml>&</xml>']) {
        expect(parseInboundMessage(xml)).toEqual({ ok: false, error: 'malformed-xml' });
      }
    });

    it('should refuse messages without a sender or type, and fields that are not text', () => {
      expect(parseInboundMessage('<xml><MsgType>text</MsgType><Content>x</Content></xml>')).toEqual({ ok: false, error: 'missing-field' });
      expect(parseInboundMessage('<xml><FromUserName>u</FromUserName></xml>')).toEqual({ ok: false, error: 'missing-field' });
      expect(parseInboundMessage('<xml><FromUserName>u</FromUserName><MsgType>text</MsgType><Content><b>x</b></Content></xml>')).toEqual({ ok: false, error: 'missing-field' });
      expect(parseInboundMessage('<xml><FromUserName>u</FromUserName><FromUserName>v</FromUserName><MsgType>text</MsgType></xml>')).toEqual({ ok: false, error: 'missing-field' });
    });
  });

  describe('the envelope', () => {
    it('should read ToUserName, Encrypt and AgentID, CDATA or not', () => {
      const body = '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[Ryp+/E==]]></Encrypt>\n<AgentID><![CDATA[218]]></AgentID>\n</xml>';
      expect(parseEnvelope(body)).toEqual({ ok: true, value: { toUserName: 'wx5823bf96d3bd56c7', encrypt: 'Ryp+/E==', agentId: '218' } });
      expect(parseEnvelope('<xml><Encrypt>abc</Encrypt></xml>')).toEqual({ ok: true, value: { toUserName: '', encrypt: 'abc', agentId: '' } });
    });

    it('should refuse an envelope without Encrypt', () => {
      expect(parseEnvelope('<xml><ToUserName>x</ToUserName></xml>')).toEqual({ ok: false, error: 'missing-field' });
    });
  });
});

describe('inboundDedupKey', () => {
  const base = { fromUser: 'zhangsan', createTime: '1700000000', agentId: '1000002' };

  it('should key messages by corp, agent and MsgId', () => {
    expect(inboundDedupKey('wwC', { kind: 'text', ...base, msgId: '4561255354251345929', content: 'hi' })).toBe('wecom:wwC:1000002:4561255354251345929');
    expect(inboundDedupKey('wwC', { kind: 'other', ...base, msgType: 'image', msgId: '42' })).toBe('wecom:wwC:1000002:42');
  });

  it('should key events by sender, time, event, key and task', () => {
    const card: InboundMessage = { kind: 'card_event', ...base, eventKey: 'done', taskId: 't1', cardType: 'button_interaction', responseCode: 'rc', selected: [] };
    expect(inboundDedupKey('wwC', card)).toBe('wecom:wwC:1000002:zhangsan:1700000000:template_card_event:done:t1');
    expect(inboundDedupKey('wwC', { kind: 'event', ...base, event: 'enter_agent', eventKey: '' })).toBe('wecom:wwC:1000002:zhangsan:1700000000:enter_agent::');
  });

  it('should tell apart two clicks on one card, and the same click from two people', () => {
    const click = (fromUser: string, eventKey: string): InboundMessage => ({ kind: 'card_event', ...base, fromUser, eventKey, taskId: 't', cardType: '', responseCode: '', selected: [] });
    const keys = new Set([click('a', 'yes'), click('a', 'no'), click('b', 'yes')].map((m) => inboundDedupKey('wwC', m)));
    expect(keys.size).toBe(3);
  });

  it('should fall back to sender and time for a message without MsgId', () => {
    expect(inboundDedupKey('wwC', { kind: 'other', ...base, msgType: 'voice', msgId: '' })).toBe('wecom:wwC:1000002:zhangsan:1700000000:voice');
  });
});
