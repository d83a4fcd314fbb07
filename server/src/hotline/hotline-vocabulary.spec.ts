import {
  categoryOf,
  fieldOfName,
  maskPhone,
  priorityOf,
  receivedAtOf,
  satisfactionOf,
} from './hotline-vocabulary';

describe('hotline vocabulary', () => {
  it('reads column names in English, snake_case or Chinese', () => {
    expect(fieldOfName('orderNo')).toBe('orderNo');
    expect(fieldOfName(' order_no ')).toBe('orderNo');
    expect(fieldOfName('工单编号')).toBe('orderNo');
    expect(fieldOfName('受理时间')).toBe('receivedAt');
    expect(fieldOfName('经度')).toBe('lng');
    expect(fieldOfName('满意度')).toBe('satisfaction');
    expect(fieldOfName('备注')).toBeNull();
  });

  it('maps Whistle codes, Whistle names and common hotline names to categories', () => {
    expect(categoryOf('noise')).toBe('noise');
    expect(categoryOf('噪声扰民')).toBe('noise');
    expect(categoryOf('噪音扰民')).toBe('noise');
    expect(categoryOf('违章停车')).toBe('traffic_parking');
    expect(categoryOf(' 环境卫生 ')).toBe('sanitation');
    expect(categoryOf('外星人入侵')).toBeNull();
  });

  it('reads zone-less times as China time and refuses impossible dates', () => {
    expect(receivedAtOf('2026-11-20 09:30')?.toISOString()).toBe('2026-11-20T01:30:00.000Z');
    expect(receivedAtOf('2026/11/20 09:30:15')?.toISOString()).toBe('2026-11-20T01:30:15.000Z');
    expect(receivedAtOf('2026-11-01 03:00:00')?.toISOString()).toBe('2026-10-31T19:00:00.000Z');
    expect(receivedAtOf('2026-11-20T09:30:00+08:00')?.toISOString()).toBe('2026-11-20T01:30:00.000Z');
    expect(receivedAtOf('2026-11-20T01:30:00Z')?.toISOString()).toBe('2026-11-20T01:30:00.000Z');
    for (const bad of ['2026-02-30 08:00', '2026-13-45 25:00', '2026-11-20 24:00', 'yesterday', '2026-11-20'])
      expect(receivedAtOf(bad)).toBeNull();
  });

  it('keeps only a masked phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('139-1234-5678')).toBe('139****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
    expect(maskPhone('call me')).toBeNull();
  });

  it('maps satisfaction answers and priorities', () => {
    expect(satisfactionOf('满意')).toBe('satisfied');
    expect(satisfactionOf('基本满意')).toBe('basically_satisfied');
    expect(satisfactionOf('不满意')).toBe('dissatisfied');
    expect(satisfactionOf('dissatisfied')).toBe('dissatisfied');
    expect(satisfactionOf('还行')).toBeNull();
    expect(priorityOf('紧急')).toBe('urgent');
    expect(priorityOf('HIGH')).toBe('high');
    expect(priorityOf('asap')).toBeNull();
  });
});
